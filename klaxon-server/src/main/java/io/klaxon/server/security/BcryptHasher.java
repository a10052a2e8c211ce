package io.klaxon.server.security;

import io.klaxon.access.SecretHasher;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Key secrets hashed with Spring Security's BCrypt encoder: slow, salted, well kept. */
final class BcryptHasher implements SecretHasher {

  private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(10);

  @Override
  public String hash(String secret) {
    return encoder.encode(secret);
  }

  @Override
  public boolean matches(String secret, String hash) {
    return encoder.matches(secret, hash);
  }
}
