package io.klaxon.server.alertmanager;

import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JsonNode;

/** Puts {@link PostedBodyConverter} before the converters it hands what is not plain to. */
@Configuration(proxyBeanMethods = false)
class PostedBodyConfiguration implements WebMvcConfigurer {

  static {
    // The API description shows the body as any JSON, as it did when the handler took a tree.
    SpringDocUtils.getConfig().replaceWithClass(PostedBody.class, JsonNode.class);
  }

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
    builder.configureMessageConvertersList(
        converters -> converters.add(0, new PostedBodyConverter(converters)));
  }
}
