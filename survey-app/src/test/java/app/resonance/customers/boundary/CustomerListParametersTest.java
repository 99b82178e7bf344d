package app.resonance.customers.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.resonance.customers.control.CustomerDirectory;
import app.resonance.platform.boundary.OneOf;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sort choices the API offers are exactly the columns the directory whitelists. */
class CustomerListParametersTest {

    @Test
    void theSortChoicesAreTheSortableColumns() throws NoSuchFieldException {
        OneOf choice = CustomerListParameters.class.getDeclaredField("sort").getAnnotation(OneOf.class);
        assertEquals(CustomerDirectory.SORTABLE.keySet().stream().sorted().toList(), OneOf.Check.choices(choice));
    }

    @Test
    void withoutParametersTheListIsByExternalIdAscending() {
        var parameters = new CustomerListParameters();
        assertEquals("externalId", parameters.sort());
        assertFalse(parameters.descending());
        assertTrue(new CustomerListParameters("name", "desc").descending());
        assertEquals(List.of("asc", "desc"), OneOf.Check.choices(orderChoice()));
    }

    private static OneOf orderChoice() {
        try {
            return CustomerListParameters.class.getDeclaredField("order").getAnnotation(OneOf.class);
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }
}
