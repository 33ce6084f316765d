package ru.marketplace.keycloak.settings;

/**
 * The support address shoppers see when they cannot open their mailbox, on the screens and in the mails of every
 * flow.
 */
public final class SupportAddress {

    /** The option both flows offer under this key; blank derives the address from the realm's sender. */
    public static final SettingOption.Text OPTION = new SettingOption.Text(
            "supportEmail", "Support e-mail",
            "Shown to shoppers who cannot open their mailbox. Blank: support@ followed by the domain of the realm's sender address.",
            "", 254);

    private SupportAddress() {
    }

    /**
     * The configured address, else {@code support@<domain of senderAddress>}, else {@code support@example.com} when
     * the realm has no usable sender either.
     *
     * @param configured what {@link SettingsReader#email} read for {@link #OPTION} (blank when not set)
     */
    public static String of(String configured, String senderAddress) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (senderAddress != null) {
            int at = senderAddress.lastIndexOf('@');
            String domain = at < 0 ? "" : senderAddress.substring(at + 1).trim();
            if (!domain.isEmpty() && SettingsReader.isPlainEmail("support@" + domain)) {
                return "support@" + domain;
            }
        }
        return "support@example.com";
    }
}
