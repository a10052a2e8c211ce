package io.klaxon.server.security;

import io.klaxon.access.Actor;
import io.klaxon.server.console.ConsolePage;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import java.util.Arrays;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands every handler that takes an {@link Actor} the one {@link RequestActor}, and documents it.
 */
@Configuration(proxyBeanMethods = false)
class ActorConfiguration implements WebMvcConfigurer {

  static {
    // The actor is no query parameter: the OpenAPI document shows its header instead.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new RequestActor());
  }

  @Bean
  OperationCustomizer actorHeader() {
    return (operation, handler) -> {
      boolean takesActor =
          Arrays.stream(handler.getMethodParameters())
              .anyMatch(p -> p.getParameterType() == Actor.class);
      if (takesActor && !handler.getBeanType().isAnnotationPresent(ConsolePage.class)) {
        operation.addParametersItem(
            new HeaderParameter()
                .name(RequestActor.HEADER)
                .required(false)
                .description(
                    "Who acts, for history and audit entries; the key's actor when signed in")
                .schema(new StringSchema().maxLength(Actor.MAX_LENGTH)));
      }
      return operation;
    };
  }
}
