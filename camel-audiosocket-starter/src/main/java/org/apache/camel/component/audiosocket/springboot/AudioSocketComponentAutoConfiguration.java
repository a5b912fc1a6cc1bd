package org.apache.camel.component.audiosocket.springboot;

import org.apache.camel.Component;
import org.apache.camel.component.audiosocket.AudioSocketComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.audiosocket.*} to the audiosocket component, through the component's generated
 * configurer, as every camel-spring-boot starter does. Off with {@code camel.component.audiosocket.enabled=false}
 * (or {@code camel.component.enabled=false} for all components).
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, AudioSocketComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.audiosocket" })
public class AudioSocketComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final AudioSocketComponentConfiguration configuration;

    public AudioSocketComponentAutoConfiguration(ApplicationContext applicationContext,
                                                 AudioSocketComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureAudioSocketComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.audiosocket.customizer")
                       && target instanceof AudioSocketComponent;
            }
        };
    }
}
