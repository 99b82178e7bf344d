package app.resonance.console.security;

import app.resonance.console.platform.Faces;
import app.resonance.platform.entity.Scope;
import app.resonance.security.control.ApiTokens;
import app.resonance.security.entity.ApiToken;
import app.resonance.security.entity.AppUser;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The signed-in user's API tokens (every role): name, scopes, created, expires, last used; create one with
 * scopes the role allows and a lifetime (shown once, right after), revoke one.
 */
@Named
@ViewScoped
public class TokensView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ApiTokens tokens;

    @Inject
    transient CurrentUser current;

    private String name;
    private List<String> scopes = new ArrayList<>();
    private Integer days = ApiTokens.DEFAULT_DAYS;
    /** The token just created, shown once. */
    private String secret;

    private String secretName;

    public List<ApiToken> getTokens() {
        return tokens.of(current.getUser().username());
    }

    /** The scopes the user's role allows, by wire name. */
    public List<String> getAllowedScopes() {
        return current.getUser().role().scopes().stream().map(Scope::wire).toList();
    }

    /** A scope's meaning in the console's language. */
    public String scopeLabel(String wire) {
        return wire + " – " + Faces.text("tokens.scope." + wire.replace(':', '_'));
    }

    /** A token's scopes as their wire names. */
    public String scopes(ApiToken token) {
        return Scope.store(token.scopes());
    }

    public void create() {
        AppUser user = current.getUser();
        try {
            var created = tokens.create(user, name, scopes, days == null ? 0 : days, Faces.messages());
            secret = created.secret();
            secretName = created.token().name();
        } catch (ApiTokens.InvalidTokenException e) {
            Faces.fieldErrors("create", e.errors());
            return;
        }
        Faces.info("tokens.createdMessage", secretName);
        name = null;
        scopes = new ArrayList<>();
        days = ApiTokens.DEFAULT_DAYS;
    }

    public void revoke(ApiToken token) {
        tokens.revoke(current.getUser().username(), token.id())
                .ifPresent(t -> Faces.info("tokens.revokedMessage", t.name()));
        secret = null;
    }

    public int getMinDays() {
        return ApiTokens.MIN_DAYS;
    }

    public int getMaxDays() {
        return ApiTokens.MAX_DAYS;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }

    public String getSecret() {
        return secret;
    }

    public String getSecretName() {
        return secretName;
    }
}
