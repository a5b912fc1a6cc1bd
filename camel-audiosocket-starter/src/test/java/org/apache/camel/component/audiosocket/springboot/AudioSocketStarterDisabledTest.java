package org.apache.camel.component.audiosocket.springboot;

import org.apache.camel.CamelContext;
import org.apache.camel.component.audiosocket.AudioSocketComponent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** camel.component.audiosocket.enabled=false leaves the component as it is: the properties are not applied. */
@SpringBootTest(classes = StarterTestApplication.class, properties = {
        "camel.component.audiosocket.enabled=false",
        "camel.component.audiosocket.chunk-duration=100" })
class AudioSocketStarterDisabledTest {

    private static final int PORT = FreePort.next();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("test.port", () -> PORT);
    }

    @Autowired
    private CamelContext camelContext;

    @Autowired
    private ApplicationContext applicationContext;

    @Test
    void disabledStarterDoesNotConfigureTheComponent() {
        assertFalse(applicationContext.containsBean("configureAudioSocketComponent"));
        assertEquals(20, camelContext.getComponent("audiosocket", AudioSocketComponent.class).getConfiguration()
                .getChunkDuration(), "the component's own default, not the property");
    }
}
