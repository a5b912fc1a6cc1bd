package org.apache.camel.component.audiosocket;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The option and header tables of the component page are generated from the component JSON that Camel's tooling
 * builds from the annotations and javadoc, so the page cannot drift from the code. When an option changes, regenerate
 * them with {@code ./mvnw -pl camel-audiosocket test -Dtest=DocumentationTest -Daudiosocket.updateDocs=true}.
 */
class DocumentationTest {

    private static final Path PAGE = Path.of("src/main/docs/audiosocket-component.adoc");

    @Test
    void componentPageTablesMatchTheComponentJson() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/org/apache/camel/component/audiosocket/audiosocket.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String page = Files.readString(PAGE);
        String updated = page;
        updated = replace(updated, "component options", table(json.getMap("componentProperties"), o -> true, false));
        updated = replace(updated, "path parameters",
                table(json.getMap("properties"), o -> "path".equals(o.get("kind")), false));
        updated = replace(updated, "query parameters",
                table(json.getMap("properties"), o -> "parameter".equals(o.get("kind")), false));
        updated = replace(updated, "headers", table(json.getMap("headers"), o -> true, true));

        if (Boolean.getBoolean("audiosocket.updateDocs")) {
            // regenerating: the page now holds the tables, so the run succeeds
            Files.writeString(PAGE, updated);
            return;
        }
        assertEquals(page, updated, "The tables of " + PAGE + " are out of date: regenerate them with"
                                    + " ./mvnw -pl camel-audiosocket test -Dtest=DocumentationTest"
                                    + " -Daudiosocket.updateDocs=true");
    }

    private static String replace(String page, String section, String table) {
        String start = "// generated " + section + ": START\n";
        String end = "// generated " + section + ": END";
        int from = page.indexOf(start);
        int to = page.indexOf(end);
        assertTrue(from >= 0 && to > from, PAGE + " lacks the markers of the " + section + " table");
        return page.substring(0, from + start.length()) + table + page.substring(to);
    }

    private static String table(Map<?, ?> options, Predicate<Map<?, ?>> include, boolean headers) {
        StringBuilder out = new StringBuilder();
        out.append("[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n");
        out.append("| Name | Description | Default | Type\n");
        for (Map.Entry<?, ?> entry : options.entrySet()) {
            Map<?, ?> option = (Map<?, ?>) entry.getValue();
            if (!include.test(option)) {
                continue;
            }
            String group = String.valueOf(option.get("group"));
            out.append("| *").append(entry.getKey()).append("*");
            if (!"common".equals(group)) {
                out.append(" (").append(group).append(")");
            }
            out.append(headers ? "\n" : " ");
            out.append("| ").append(escape(String.valueOf(option.get("description"))));
            Object def = option.get("defaultValue");
            out.append(" | ").append(def == null ? "" : escape(String.valueOf(def)));
            out.append(" | ").append(escape(typeOf(option, headers))).append('\n');
        }
        return out.append("|===\n").toString();
    }

    private static String typeOf(Map<?, ?> option, boolean header) {
        String javaType = String.valueOf(option.get("javaType"));
        String simple = javaType.substring(javaType.lastIndexOf('.') + 1);
        if (header) {
            return simple;
        }
        String type = String.valueOf(option.get("type"));
        return switch (type) {
            case "object" -> simple;
            case "enum" -> simple;
            case "duration" -> "duration (ms, or 5s, 1m...)";
            default -> type;
        };
    }

    private static String escape(String text) {
        return text.replace("|", "\\|");
    }
}
