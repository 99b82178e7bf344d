package app.resonance.console.platform;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * p:messages as a plain list a screen reader reads out once. PrimeFaces writes each message as {@code <li role="alert">};
 * a list item may not take that role (axe's aria-allowed-role), and a list whose items lost their role is no list
 * (axe's list). The container already says {@code aria-live="polite"}, so the items keep their native role: the same
 * announcement, valid markup.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages uiMessages, FacesMessage msg, String severity, boolean escape)
            throws IOException {
        super.encodeMessage(new WithoutItemRoles(writer), uiMessages, msg, severity, escape);
    }

    /** Drops role and aria-atomic from li elements; everything else passes through. */
    static final class WithoutItemRoles extends ResponseWriterWrapper {
        private String element;

        WithoutItemRoles(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void startElement(String name, jakarta.faces.component.UIComponent component) throws IOException {
            element = name;
            super.startElement(name, component);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            if ("li".equals(element) && ("role".equals(name) || "aria-atomic".equals(name))) {
                return;
            }
            super.writeAttribute(name, value, property);
        }
    }
}
