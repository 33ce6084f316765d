<#--
  Plural forms for counted messages in the reset templates, for numbers only a template knows (the password
  rules). Picks the variant of a message key exactly as ru.marketplace.keycloak.i18n.PluralRules#pickKey
  does, which PluralTemplateTest checks number by number:
    key.<n> (wording a rule cannot give: «одну цифру»), key.<one|few|many|other>, key.other, the key itself.
  Use:  <#import "marketplace-plural.ftl" as plural>
        ${msg(plural.key("marketplacePasswordDigits", n), n)}
-->

<#-- CLDR categories for integers: one/few/many in Russian, Ukrainian and Belarusian, one/other elsewhere. -->
<#function category n language>
    <#local abs = n?abs>
    <#if ["ru", "uk", "be"]?seq_contains(language)>
        <#local mod10 = abs % 10>
        <#local mod100 = abs % 100>
        <#if mod10 == 1 && mod100 != 11>
            <#return "one">
        <#elseif mod10 gte 2 && mod10 lte 4 && (mod100 lt 12 || mod100 gt 14)>
            <#return "few">
        </#if>
        <#return "many">
    </#if>
    <#return (abs == 1)?then("one", "other")>
</#function>

<#function key base n>
    <#local exact = base + "." + n?c>
    <#if has(exact)>
        <#return exact>
    </#if>
    <#local byCategory = base + "." + category(n, language())>
    <#if has(byCategory)>
        <#return byCategory>
    </#if>
    <#if has(base + ".other")>
        <#return base + ".other">
    </#if>
    <#return base>
</#function>

<#-- The page's language: login pages have lang ("ru", "en-GB"), e-mails a java.util.Locale. -->
<#function language>
    <#local tag = (lang!(locale.language)!"en")?lower_case>
    <#return tag?keep_before("-")?has_content?then(tag?keep_before("-"), tag)>
</#function>

<#-- msg() answers with the key itself when the bundle lacks it. -->
<#function has messageKey>
    <#return msg(messageKey) != messageKey>
</#function>

<#--
  data-<name>-one="{0} секунду" … data-<name>-other="{0} секунды": every variant of a counted message, for a
  script that counts on the page (it picks with Intl.PluralRules, which follows the same CLDR rules).
-->
<#macro dataAttributes name baseKey><#list ["one", "few", "many", "other"] as c> data-${name}-${c}="${msg(baseKey + "." + c)}"</#list></#macro>
