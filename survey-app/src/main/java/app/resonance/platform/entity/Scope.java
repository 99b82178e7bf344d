package app.resonance.platform.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may be used for, by its wire name (as in OAuth: {@code read:analytics}). Each admin
 * endpoint needs one scope ({@code platform.control.ScopeRules}); a token also keeps its user's role, so a
 * scope never gives more than the role allows. Shared by the features whose endpoints need it.
 */
public enum Scope {
    READ_ANALYTICS("read:analytics"),
    READ_RESPONSES("read:responses"),
    WRITE_RESPONSES("write:responses"),
    WRITE_SURVEYS("write:surveys"),
    ADMIN("admin");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    /** The name clients send and read. */
    public String wire() {
        return wire;
    }

    public static Optional<Scope> ofWire(String name) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(name)).findFirst();
    }

    /** Scopes as stored: their wire names, space-separated, in the enum's order. */
    public static String store(Collection<Scope> scopes) {
        return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(" "));
    }

    /** The stored form read back; unknown names are ignored. */
    public static Set<Scope> read(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (stored != null) {
            for (String name : stored.trim().split("\\s+")) {
                ofWire(name).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    @Override
    public String toString() {
        return wire;
    }
}
