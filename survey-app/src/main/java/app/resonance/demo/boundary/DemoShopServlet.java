package app.resonance.demo.boundary;

import app.resonance.demo.control.DemoDataLoader;
import app.resonance.platform.control.Messages;
import app.resonance.platform.control.Templates;
import app.resonance.responses.control.WidgetIdentity;
import app.resonance.responses.control.WidgetSecrets;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo's stand-in for a company's site ({@code /demo/shop}, only with {@code resonance.demo.enabled}): a page with
 * the feedback widget of relationship-nps, identified for the demo customer {@link DemoDataLoader#WIDGET_CUSTOMER} the
 * way a real site's server does it: the customer id, the time and the HMAC signature with the survey's widget secret.
 * {@code ?source=…} on this page's URL is passed on as a hidden field when the survey declares it.
 */
@WebServlet(urlPatterns = "/demo/shop")
public class DemoShopServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "resonance.demo.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    SurveyCatalog catalog;

    @Inject
    WidgetSecrets secrets;

    @Inject
    Clock clock;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!enabled) {
            response.sendError(404);
            return;
        }
        String lang = "de".equals(request.getParameter("lang")) ? "de" : "en";
        Messages messages = Messages.of(Locale.forLanguageTag(lang));
        String customer = DemoDataLoader.WIDGET_CUSTOMER;
        String ts = Long.toString(clock.instant().getEpochSecond());
        Optional<String> secret = catalog.bySlug(DemoDataLoader.MARKER_SURVEY).flatMap(s -> secrets.secret(s.id()));
        String identity = secret.map(s -> " data-customer=\"" + Templates.escape(customer) + "\" data-ts=\"" + ts
                        + "\" data-sig=\"" + HexFormat.of().formatHex(WidgetIdentity.sign(s, customer, ts)) + "\"")
                .orElse("");
        String page = "<!DOCTYPE html><html lang=\"" + lang + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Templates.escape(messages.get("demoShop.title")) + "</title></head><body><main>"
                + "<h1>" + Templates.escape(messages.get("demoShop.title")) + "</h1>"
                + "<p>" + Templates.escape(messages.get("demoShop.text", customer)) + "</p></main>"
                + "<script src=\"" + request.getContextPath() + "/widget.js\" data-survey=\""
                + DemoDataLoader.MARKER_SURVEY + "\" data-lang=\"" + lang + "\"" + identity + " async></script>"
                + "</body></html>";
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(page);
    }
}
