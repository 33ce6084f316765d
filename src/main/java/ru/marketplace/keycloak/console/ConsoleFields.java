package ru.marketplace.keycloak.console;

import java.util.List;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import ru.marketplace.keycloak.settings.SettingOption;

/** The admin console's fields for a step's options: the one place an option becomes a field, for every flow. */
public final class ConsoleFields {

    private ConsoleFields() {
    }

    public static List<ProviderConfigProperty> of(List<SettingOption> options) {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (SettingOption option : options) {
            var property = builder.property()
                    .name(option.key())
                    .label(option.label())
                    .helpText(option.helpText() + " Default: " + (option.defaultText().isEmpty() ? "(derived)" : option.defaultText()) + ".");
            if (option instanceof SettingOption.Number number) {
                property.type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(number.defaultValue());
            } else if (option instanceof SettingOption.Choice choice) {
                property.type(ProviderConfigProperty.LIST_TYPE).options(choice.values()).defaultValue(choice.defaultValue());
            } else if (option instanceof SettingOption.Flag flag) {
                property.type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue(flag.defaultValue());
            } else {
                property.type(ProviderConfigProperty.STRING_TYPE).defaultValue(option.defaultText());
            }
            property.add();
        }
        return builder.build();
    }
}
