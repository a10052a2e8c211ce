package io.klaxon.server.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of console pages, wherever its feature keeps it: {@link ConsoleAdvice} turns
 * its errors into HTML pages and {@link ConsolePath} gives its views what the layout needs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ConsolePage {}
