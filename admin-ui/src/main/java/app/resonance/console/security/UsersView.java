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
        newPassword = null;
    }

    public void update() {
        try {
            users.update(selected, editName, editRole, editEnabled, Faces.messages());
        } catch (UserDirectory.InvalidUserException e) {
            Faces.fieldErrors("edit", e.errors());
            return;
        }
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
