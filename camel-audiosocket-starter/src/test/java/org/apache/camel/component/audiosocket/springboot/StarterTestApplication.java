package org.apache.camel.component.audiosocket.springboot;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The Spring Boot application the starter's tests run: one echo route on the audiosocket consumer. */
@SpringBootApplication
public class StarterTestApplication {

    @Bean
    public RouteBuilder echoRoute() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // codec=slin here overrides the component's codec from application properties
                from("audiosocket:127.0.0.1:{{test.port}}?exchangePattern=InOut&codec=slin").routeId("echo")
                        .filter(header("CamelAudioSocketEventType").isNotEqualTo("AUDIO"))
                            .setBody(constant(null));
            }
        };
    }
}
