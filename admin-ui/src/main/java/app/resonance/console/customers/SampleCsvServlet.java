package app.resonance.console.customers;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * The import page's sample file, /admin/manage/customers-sample.csv (admins only, by the console's
 * security constraint): every column the import knows and one free attribute, as a download.
 */
@WebServlet(urlPatterns = "/admin/manage/customers-sample.csv")
public class SampleCsvServlet extends HttpServlet {

    static final String FILE = "customers-sample.csv";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] csv;
        try (InputStream in = SampleCsvServlet.class.getResourceAsStream(FILE)) {
            csv = in.readAllBytes();
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + FILE + "\"");
        response.setContentLength(csv.length);
        response.getOutputStream().write(csv);
    }
}
