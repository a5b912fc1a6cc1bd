package org.apache.camel.component.audiosocket.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What IDEs complete for camel.component.audiosocket.* (the configuration metadata Spring Boot's processor writes
 * from the configuration class) names every option of the component JSON, with the same default and description.
 */
class ConfigurationMetadataTest {

    private static final String PREFIX = "camel.component.audiosocket.";

    @Test
    void metadataListsEveryComponentOptionWithItsDefault() throws Exception {
        JsonObject component = read("/META-INF/org/apache/camel/component/audiosocket/audiosocket.json");
        JsonObject metadata = read("/META-INF/spring-configuration-metadata.json");
        Map<String, Map<?, ?>> properties = new HashMap<>();
        for (Object p : (JsonArray) metadata.get("properties")) {
            Map<?, ?> property = (Map<?, ?>) p;
            String name = (String) property.get("name");
            if (name.startsWith(PREFIX)) {
                properties.put(name.substring(PREFIX.length()), property);
            }
        }
        TreeSet<String> expected = new TreeSet<>();
        expected.add("enabled");
        expected.add("customizer.enabled");
        for (Map.Entry<?, ?> entry : component.getMap("componentProperties").entrySet()) {
            Map<?, ?> option = (Map<?, ?>) entry.getValue();
            String name = kebab((String) entry.getKey());
            expected.add(name);
            Map<?, ?> property = properties.get(name);
            assertTrue(property != null, "no metadata for " + PREFIX + name);
            // (Spring writes an enum's default in lower case)
            assertEquals(String.valueOf(option.get("defaultValue")).toLowerCase(),
                    String.valueOf(property.get("defaultValue")).toLowerCase(), "default of " + name);
            assertTrue(((String) property.get("description")).startsWith((String) option.get("description")),
                    "description of " + name);
        }
        assertEquals(expected, new TreeSet<>(properties.keySet()));
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private JsonObject read(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            return (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
