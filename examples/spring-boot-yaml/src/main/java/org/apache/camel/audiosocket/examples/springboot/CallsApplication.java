package org.apache.camel.audiosocket.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application with no Java routes: the starter configures the audiosocket component from
 * application.yaml, and the routes come from src/main/resources/routes/*.yaml.
 */
@SpringBootApplication
public class CallsApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallsApplication.class, args);
    }
}
