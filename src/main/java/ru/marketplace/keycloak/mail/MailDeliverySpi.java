package ru.marketplace.keycloak.mail;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The node's outgoing mail: {@code --spi-marketplace-mail-delivery--default--…} options (README, Mail delivery). */
public final class MailDeliverySpi implements Spi {

    public static final String NAME = "marketplace-mail-delivery";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return MailDelivery.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return MailDeliveryProviderFactory.class;
    }
}
