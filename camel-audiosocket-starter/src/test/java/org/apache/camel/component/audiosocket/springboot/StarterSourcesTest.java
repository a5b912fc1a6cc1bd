package org.apache.camel.component.audiosocket.springboot;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The starter's configuration class and its bean-reference converter are generated from the component JSON (which
 * Camel's tooling builds from the component's annotations and javadoc), the way camel-spring-boot generates its
 * starters: every component option, with its name, type, default and description, so that
 * {@code camel.component.audiosocket.*} cannot drift from the component. After changing an option, regenerate with
 * {@code ./mvnw -pl camel-audiosocket,camel-audiosocket-starter install -DskipTests} and
 * {@code ./mvnw -pl camel-audiosocket-starter test -Dtest=StarterSourcesTest -Daudiosocket.updateStarter=true}.
 */
class StarterSourcesTest {

    private static final Path SOURCES = Path.of("src/main/java/org/apache/camel/component/audiosocket/springboot");
    private static final String HEADER = """
            package org.apache.camel.component.audiosocket.springboot;

            """;

    @Test
    void generatedSourcesMatchTheComponentJson() throws Exception {
        JsonObject json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/org/apache/camel/component/audiosocket/audiosocket.json")) {
            json = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Map<String, Object> component = json.getMap("component");
        Map<String, Object> options = json.getMap("componentProperties");
        String configuration = update("AudioSocketComponentConfiguration.java", configuration(component, options));
        String converter = update("AudioSocketComponentConverter.java", converter(options));
        assertEquals(configuration(component, options), configuration,
                "AudioSocketComponentConfiguration.java is out of date with the component JSON: regenerate it (see the"
                                                                       + " javadoc of StarterSourcesTest)");
        assertEquals(converter(options), converter,
                "AudioSocketComponentConverter.java is out of date with the component JSON: regenerate it");
    }

    /** The file as it is; rewritten first when -Daudiosocket.updateStarter=true. */
    private static String update(String file, String expected) throws Exception {
        Path path = SOURCES.resolve(file);
        String actual = Files.exists(path) ? Files.readString(path) : "";
        if (Boolean.getBoolean("audiosocket.updateStarter")) {
            Files.writeString(path, expected);
        }
        return actual;
    }

    private static String configuration(Map<String, Object> component, Map<String, Object> options) {
        TreeSet<String> imports = new TreeSet<>();
        imports.add("org.apache.camel.spring.boot.ComponentConfigurationPropertiesCommon");
        imports.add("org.springframework.boot.context.properties.ConfigurationProperties");
        StringBuilder fields = new StringBuilder();
        StringBuilder accessors = new StringBuilder();
        fields.append(javadoc("Whether to enable auto configuration of the audiosocket component. This is enabled by"
                              + " default."));
        fields.append("    @SuppressWarnings(\"unused\") // described here; ComponentConfigurationPropertiesCommon holds it\n");
        fields.append("    private Boolean enabled;\n");
        for (Map.Entry<String, Object> entry : options.entrySet()) {
            Map<?, ?> option = (Map<?, ?>) entry.getValue();
            String name = entry.getKey();
            String type = fieldType(option, imports);
            String description = (String) option.get("description");
            if ("object".equals(option.get("type"))) {
                description += " The option is a " + option.get("javaType") + " type.";
            }
            fields.append(javadoc(description));
            fields.append("    private ").append(type).append(' ').append(name);
            String value = defaultValue(option, type);
            if (value != null) {
                fields.append(" = ").append(value);
            }
            fields.append(";\n");
            accessor(accessors, name, type);
        }
        StringBuilder out = new StringBuilder(HEADER);
        for (String imported : imports) {
            out.append("import ").append(imported).append(";\n");
        }
        out.append("\n/**\n * ").append(component.get("description")).append("\n *\n")
                .append(" * Generated from the component JSON by StarterSourcesTest: do not edit by hand.\n */\n")
                .append("@ConfigurationProperties(prefix = \"camel.component.audiosocket\")\n")
                .append("public class AudioSocketComponentConfiguration extends ComponentConfigurationPropertiesCommon {\n\n")
                .append(fields).append(accessors).append("}\n");
        return out.toString();
    }

    private static String converter(Map<String, Object> options) {
        List<String> types = new ArrayList<>();
        for (Object value : options.values()) {
            Map<?, ?> option = (Map<?, ?>) value;
            if ("object".equals(option.get("type")) && !types.contains((String) option.get("javaType"))) {
                types.add((String) option.get("javaType"));
            }
        }
        StringBuilder pairs = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        for (String type : types) {
            pairs.append("        answer.add(new ConvertiblePair(String.class, ").append(type).append(".class));\n");
            cases.append("            case \"").append(type).append("\":\n                return applicationContext.getBean(ref, ")
                    .append(type).append(".class);\n");
        }
        return HEADER + """
                import java.util.LinkedHashSet;
                import java.util.Set;

                import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
                import org.springframework.context.ApplicationContext;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.core.convert.TypeDescriptor;
                import org.springframework.core.convert.converter.GenericConverter;

                /**
                 * Lets camel.component.audiosocket.* options of object type name a bean: {@code #myPool} or {@code #bean:myPool}.
                 *
                 * Generated from the component JSON by StarterSourcesTest: do not edit by hand.
                 */
                @Configuration(proxyBeanMethods = false)
                @ConfigurationPropertiesBinding
                public class AudioSocketComponentConverter implements GenericConverter {

                    private final ApplicationContext applicationContext;

                    public AudioSocketComponentConverter(ApplicationContext applicationContext) {
                        this.applicationContext = applicationContext;
                    }

                    @Override
                    public Set<ConvertiblePair> getConvertibleTypes() {
                        Set<ConvertiblePair> answer = new LinkedHashSet<>();
                """ + pairs + """
                        return answer;
                    }

                    @Override
                    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
                        if (source == null) {
                            return null;
                        }
                        String ref = source.toString();
                        if (!ref.startsWith("#")) {
                            return null;
                        }
                        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
                        switch (targetType.getName()) {
                """ + cases + """
                            default:
                                return null;
                        }
                    }
                }
                """;
    }

    private static String fieldType(Map<?, ?> option, TreeSet<String> imports) {
        String javaType = (String) option.get("javaType");
        switch (javaType) {
            case "int":
                return "Integer";
            case "long":
                return "Long";
            case "boolean":
                return "Boolean";
            case "java.lang.String":
                return "String";
            default:
                imports.add(javaType);
                return javaType.substring(javaType.lastIndexOf('.') + 1);
        }
    }

    private static String defaultValue(Map<?, ?> option, String type) {
        Object value = option.get("defaultValue");
        if (value == null) {
            return null;
        }
        String text = value.toString();
        return switch (type) {
            case "Long" -> text + "L";
            case "Integer", "Boolean" -> text;
            case "String" -> "\"" + text + "\"";
            default -> type + "." + text; // an enum
        };
    }

    private static void accessor(StringBuilder out, String name, String type) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        out.append("\n    public ").append(type).append(" get").append(capitalized).append("() {\n        return ")
                .append(name).append(";\n    }\n\n    public void set").append(capitalized).append('(').append(type)
                .append(' ').append(name).append(") {\n        this.").append(name).append(" = ").append(name)
                .append(";\n    }\n");
    }

    /** A javadoc comment wrapped at 80 columns, as camel-spring-boot writes them. */
    private static String javadoc(String text) {
        StringBuilder out = new StringBuilder("    /**\n");
        StringBuilder line = new StringBuilder("     *");
        for (String word : text.split("\\s+")) {
            if (line.length() + 1 + word.length() > 80 && line.length() > 6) {
                out.append(line).append('\n');
                line = new StringBuilder("     *");
            }
            line.append(' ').append(word);
        }
        return out.append(line).append("\n     */\n").toString();
    }
}
