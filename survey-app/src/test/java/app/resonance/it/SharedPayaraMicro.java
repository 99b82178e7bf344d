package app.resonance.it;

import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

/**
 * One Payara Micro for all integration test classes of a failsafe execution. Payara's adapter starts a Payara
 * Micro for every deployment, that is for every test class; all of ours deploy the same WAR black-box, so the
 * first deployment starts it and the later ones reuse it, and it stops when the execution ends. The classes
 * already share one database per execution (see {@code FreshItDatabase}), so they never relied on a fresh app.
 */
public class SharedPayaraMicro extends PayaraMicroDeployableContainer {

    private static Archive<?> deployed;
    private static ProtocolMetaData running;

    @Override
    public synchronized ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        if (running != null && deployed.getName().equals(archive.getName())) {
            return running;
        }
        if (running != null) {
            super.undeploy(deployed);
        }
        running = super.deploy(archive);
        deployed = archive;
        return running;
    }

    /** Kept running for the next test class; it stops with the execution. */
    @Override
    public void undeploy(Archive<?> archive) {
        // nothing: see stop()
    }

    @Override
    public synchronized void stop() throws LifecycleException {
        if (running != null) {
            try {
                super.undeploy(deployed);
            } catch (DeploymentException e) {
                throw new LifecycleException("Payara Micro did not stop", e);
            } finally {
                running = null;
                deployed = null;
            }
        }
        super.stop();
    }

    /** Puts this container in the place of Payara's own. */
    public static class Extension implements LoadableExtension {
        @Override
        public void register(ExtensionBuilder builder) {
            builder.override(DeployableContainer.class, PayaraMicroDeployableContainer.class, SharedPayaraMicro.class);
        }
    }
}
