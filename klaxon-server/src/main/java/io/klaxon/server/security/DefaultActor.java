package io.klaxon.server.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Who an API request acts as when it names no actor and no key is signed in (else {@code api}). */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface DefaultActor {

  /** The actor's name. */
  String value();
}
