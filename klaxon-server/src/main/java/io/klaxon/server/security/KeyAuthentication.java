package io.klaxon.server.security;

import io.klaxon.access.ApiKey;
import io.klaxon.access.Scope;
import java.io.Serial;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request made with an API key, by header or by a session signed in with one. Its authorities are
 * {@code SCOPE_<word>} for every scope the key grants ({@code admin} grants them all).
 */
public final class KeyAuthentication extends AbstractAuthenticationToken {

  @Serial private static final long serialVersionUID = 1L;

  private final String keyId;
  private final String actor;

  KeyAuthentication(ApiKey key) {
    super(authorities(key));
    this.keyId = key.id();
    this.actor = key.actor();
    setAuthenticated(true);
  }

  /** The authority a rule asks for to need the scope. */
  static String authority(Scope scope) {
    return "SCOPE_" + scope.word();
  }

  private static List<GrantedAuthority> authorities(ApiKey key) {
    return Arrays.stream(Scope.values())
        .filter(scope -> scope.grantedBy(key.scopes()))
        .<GrantedAuthority>map(scope -> new SimpleGrantedAuthority(authority(scope)))
        .toList();
  }

  /** The key's public id. */
  public String keyId() {
    return keyId;
  }

  /** The name history and audit entries record, e.g. {@code key:ops-bot}. */
  public String actor() {
    return actor;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return actor;
  }

  @Override
  public String getName() {
    return actor;
  }
}
