package org.apache.camel.component.audiosocket.springboot;

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
        answer.add(new ConvertiblePair(String.class, org.apache.camel.component.audiosocket.AudioSocketConfiguration.class));
        answer.add(new ConvertiblePair(String.class, java.util.concurrent.ExecutorService.class));
        answer.add(new ConvertiblePair(String.class, io.netty.channel.EventLoopGroup.class));
        answer.add(new ConvertiblePair(String.class, org.apache.camel.support.jsse.SSLContextParameters.class));
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
            case "org.apache.camel.component.audiosocket.AudioSocketConfiguration":
                return applicationContext.getBean(ref, org.apache.camel.component.audiosocket.AudioSocketConfiguration.class);
            case "java.util.concurrent.ExecutorService":
                return applicationContext.getBean(ref, java.util.concurrent.ExecutorService.class);
            case "io.netty.channel.EventLoopGroup":
                return applicationContext.getBean(ref, io.netty.channel.EventLoopGroup.class);
            case "org.apache.camel.support.jsse.SSLContextParameters":
                return applicationContext.getBean(ref, org.apache.camel.support.jsse.SSLContextParameters.class);
            default:
                return null;
        }
    }
}
