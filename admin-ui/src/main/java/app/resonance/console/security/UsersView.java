package app.resonance.console.security;

import app.resonance.console.platform.Faces;
import app.resonance.security.control.LoginSettings;
import app.resonance.security.control.UserDirectory;
import app.resonance.security.entity.AppUser;
import app.resonance.security.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** User management for admins: create users, change name, role and access, set a new password. */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserDirectory users;

    @Inject
    transient LoginSettings loginSettings;

    @Inject
    transient app.resonance.customers.control.SegmentCatalog segments;

    private List<String> editSegments = new java.util.ArrayList<>();

    private transient LoginSettings.State loginState;

    private String username;
    private String displayName;
    private Role role = Role.VIEWER;
    private String password;

    private String selected;
    private boolean selectedFromProvider;
    private String editName;
    private Role editRole;
    private boolean editEnabled;
    private String newPassword;

    /** Whether single sign-on is configured and local accounts may sign in (read once per request). */
    public LoginSettings.State getLoginState() {
        if (loginState == null) {
            loginState = loginSettings.state();
        }
        return loginState;
    }

    /** Turns the passwords of local accounts off (only with single sign-on) or on again; audited. */
    public void toggleLocalLogin() {
        boolean on = !loginSettings.state().localLogin();
        try {
            loginState = loginSettings.change(on, Faces.messages());
        } catch (LoginSettings.InvalidLoginSettingException e) {
            Faces.error("users.localNeedsSso");
            return;
        }
        Faces.info(on ? "users.localTurnedOn" : "users.localTurnedOff");
    }

    public List<AppUser> getUsers() {
        return users.all();
    }

    public void create() {
        try {
            users.add(username == null ? null : username.strip(), displayName, password, role, Faces.messages());
        } catch (UserDirectory.InvalidUserException e) {
            Faces.fieldErrors("create", e.errors());
            return;
        }
        Faces.info("users.createdMessage", username.strip());
        username = null;
        displayName = null;
        password = null;
        role = Role.VIEWER;
    }

    public void select(AppUser user) {
        selected = user.username();
        selectedFromProvider = user.fromProvider();
        editName = user.displayName();
        editRole = user.role();
        editEnabled = user.enabled();
        editSegments = new java.util.ArrayList<>(users.segmentKeys(user.username()));
        newPassword = null;
    }

    public void update() {
        if (editRole == Role.ADMIN && editSegments != null && !editSegments.isEmpty()) {
            Faces.fieldErrors("edit", List.of(Faces.messages().error("segments", "adminUnscoped")));
            return;
        }
        try {
            users.update(selected, editName, editRole, editEnabled, Faces.messages());
            if (editRole != Role.ADMIN) {
                users.limit(selected, editSegments, Faces.messages());
            }
        } catch (UserDirectory.InvalidUserException e) {
            Faces.fieldErrors("edit", e.errors());
            return;
        }
        dataByUser = null;
        Faces.info("users.updatedMessage", selected);
        selected = null;
    }

    public void resetPassword() {
        try {
            users.resetPassword(selected, newPassword, Faces.messages());
        } catch (UserDirectory.InvalidUserException e) {
            Faces.fieldErrors("edit", e.errors());
            return;
        }
        Faces.info("users.passwordReset", selected);
        newPassword = null;
    }

    /** The segments each limited user sees, in words, read once per view and again after a change. */
    private transient java.util.Map<String, String> dataByUser;

    /** The segments a user sees, in words: "all data" or the segments' names. */
    public String dataOf(AppUser user) {
        if (dataByUser == null) {
            var names = new java.util.HashMap<String, String>();
            segments.all().forEach(s -> names.put(s.key(), s.name().in(Faces.locale())));
            dataByUser = new java.util.HashMap<>();
            users.segmentKeysByUser()
                    .forEach((name, keys) -> dataByUser.put(
                            name,
                            keys.stream()
                                    .map(k -> names.getOrDefault(k, k))
                                    .collect(java.util.stream.Collectors.joining(", "))));
        }
        return dataByUser.getOrDefault(user.username(), Faces.text("users.allData"));
    }

    /** Every segment, for the choice of a user's data scope. */
    public List<app.resonance.customers.entity.Segment> getSegmentChoices() {
        return segments.all();
    }

    public List<String> getEditSegments() {
        return editSegments;
    }

    public void setEditSegments(List<String> editSegments) {
        this.editSegments =
                editSegments == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(editSegments);
    }

    public Role[] getRoles() {
        return Role.values();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    /** Whether the selected user signs in through single sign-on (the provider's groups set the role). */
    public boolean isSelectedFromProvider() {
        return selectedFromProvider;
    }

    public String getSelected() {
        return selected;
    }

    public String getEditName() {
        return editName;
    }

    public void setEditName(String editName) {
        this.editName = editName;
    }

    public Role getEditRole() {
        return editRole;
    }

    public void setEditRole(Role editRole) {
        this.editRole = editRole;
    }

    public boolean isEditEnabled() {
        return editEnabled;
    }

    public void setEditEnabled(boolean editEnabled) {
        this.editEnabled = editEnabled;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
