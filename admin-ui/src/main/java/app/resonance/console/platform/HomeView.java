package app.resonance.console.platform;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.SegmentCatalog;
import app.resonance.surveys.control.SurveyCatalog;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The overview: how many surveys, customers and segments there are. */
@Named
@RequestScoped
public class HomeView {

    @Inject
    SurveyCatalog surveyCatalog;

    @Inject
    CustomerDirectory customers;

    @Inject
    SegmentCatalog segmentCatalog;

    private int surveys;
    private long customerCount;
    private int segments;

    @PostConstruct
    void load() {
        surveys = surveyCatalog.all().size();
        customerCount = customers.count();
        segments = segmentCatalog.all().size();
    }

    public int getSurveys() {
        return surveys;
    }

    public long getCustomers() {
        return customerCount;
    }

    public int getSegments() {
        return segments;
    }
}
