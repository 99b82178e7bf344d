package app.resonance.console.customers;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.customers.control.CustomerFilter;
import app.resonance.customers.entity.Customer;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** The customer list: pages, sorting and filtering happen in the database (CustomerDirectory). */
@Named
@ViewScoped
public class CustomersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CustomerDirectory directory;

    private String text;
    private String plan;
    private String region;
    private List<String> plans;
    private List<String> regions;
    private final Model model = new Model();

    @PostConstruct
    void init() {
        plans = directory.values("plan");
        regions = directory.values("region");
    }

    /** A changed filter starts again at the first page. */
    public void filterChanged() {
        var table =
                (org.primefaces.component.datatable.DataTable) jakarta.faces.context.FacesContext.getCurrentInstance()
                        .getViewRoot()
                        .findComponent(":customers:table");
        if (table != null) {
            table.setFirst(0);
        }
    }

    CustomerFilter filter() {
        return new CustomerFilter(text, plan, region);
    }

    /** Loads one page at a time; never all customers. */
    public class Model extends LazyDataModel<Customer> {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, directory.count(filter()));
        }

        @Override
        public List<Customer> load(
                int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            String sort = "externalId";
            boolean descending = false;
            for (SortMeta meta : sortBy.values()) {
                if (CustomerDirectory.SORTABLE.containsKey(meta.getField())) {
                    sort = meta.getField();
                    descending = meta.getOrder() == SortOrder.DESCENDING;
                }
            }
            return directory.page(filter(), first, pageSize, sort, descending);
        }

        @Override
        public String getRowKey(Customer customer) {
            return customer.externalId();
        }

        @Override
        public Customer getRowData(String rowKey) {
            return directory.visibleByExternalId(rowKey).orElse(null);
        }
    }

    public Model getModel() {
        return model;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getPlan() {
        return plan;
    }

    public void setPlan(String plan) {
        this.plan = plan;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public List<String> getPlans() {
        return plans;
    }

    public List<String> getRegions() {
        return regions;
    }
}
