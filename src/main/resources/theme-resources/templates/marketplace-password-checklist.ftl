<#--
  The realm's password rules as a list under the new-password field, with the realm's numbers;
  marketplace-reset.js ticks each rule as the shopper types (data-rule and its numbers are what it checks,
  counting as the password policy does).
  Use:  <#import "marketplace-password-checklist.ftl" as checklist>
        <#assign numbers = checklist.numbers()>  <@checklist.list numbers=numbers for="password-new"/>
-->
<#import "marketplace-plural.ftl" as plural>

<#--
  The numbers to show: passwordRuleNumbers when the new-password action passes them (the marketplace policy,
  with zxcvbn's minimum score), otherwise those of Keycloak's own policies (length, maxLength, digits, upperCase,
  lowerCase); a rule without a number is 0. An empty result (no such rules) hides the checklist.
-->
<#function numbers>
    <#if passwordRuleNumbers??>
        <#local source = {
            "minLength": passwordRuleNumbers.minLength!0, "maxLength": passwordRuleNumbers.maxLength!0,
            "digits": passwordRuleNumbers.digits!0, "upper": passwordRuleNumbers.upper!0, "lower": passwordRuleNumbers.lower!0,
            "score": passwordRuleNumbers.score!0}>
    <#elseif passwordPolicies??>
        <#local source = {
            "minLength": passwordPolicies.length!0, "maxLength": passwordPolicies.maxLength!0,
            "digits": passwordPolicies.digits!0, "upper": passwordPolicies.upperCase!0, "lower": passwordPolicies.lowerCase!0,
            "score": 0}>
    <#else>
        <#return {}>
    </#if>
    <#list source as rule, value>
        <#if rule != "score" && (value > 0)>
            <#return source>
        </#if>
    </#list>
    <#return {}>
</#function>

<#--
  replaces: the id of an element that already states the rules (the policy's sentence). Then the list stays hidden
  until the script shows it in that element's place, so a page without scripts does not say everything twice.
-->
<#macro list numbers for replaces="">
    <#if numbers?has_content>
        <div id="mp-password-checklist-box" class="mp-checklist"<#if replaces?has_content> hidden data-mp-replaces="${replaces}"</#if>>
            <p id="mp-password-checklist-title" class="mp-checklist__title">${msg("marketplaceChecklistTitle")}</p>
            <ul id="mp-password-checklist" class="mp-checklist__items" aria-labelledby="mp-password-checklist-title"
                data-mp-checklist-for="${for}" data-label-met="${msg("marketplaceChecklistMet")}"
                data-label-unmet="${msg("marketplaceChecklistUnmet")}" data-all-met="${msg("marketplaceChecklistAllMet")}">
                <#local min = numbers.minLength>
                <#local max = numbers.maxLength>
                <#if (min > 0 || max > 0)>
                    <@item rule="length" min=min max=max>
                        <#if (min > 0 && max > 0 && min == max)>${msg(plural.key("marketplacePasswordLengthExact", min), min)}
                        <#elseif (min > 0 && max > 0)>${msg(plural.key("marketplacePasswordLength", max), min, max)}
                        <#elseif (min > 0)>${msg(plural.key("marketplaceChecklistMinLength", min), min)}
                        <#else>${msg(plural.key("marketplaceChecklistMaxLength", max), max)}</#if>
                    </@item>
                </#if>
                <@counted rule="digits" count=numbers.digits key="marketplacePasswordDigits"/>
                <@counted rule="upper" count=numbers.upper key="marketplacePasswordUpper"/>
                <@counted rule="lower" count=numbers.lower key="marketplacePasswordLower"/>
            </ul>
            <#-- guessability is checked by the server only (zxcvbn), so it is a note, not a rule that ticks -->
            <#if (numbers.score!0) gt 0>
                <p id="mp-password-not-guessable" class="mp-checklist__note">${msg("marketplaceChecklistNotGuessable")}</p>
            </#if>
            <#-- a breach list is checked by the server only, when the form is sent: said here only after such a refusal -->
            <#if passwordBreachRefused??>
                <p id="mp-password-not-breached" class="mp-checklist__note">${msg("marketplaceChecklistBreached")}</p>
            </#if>
            <p id="mp-password-verdict" class="mp-checklist__verdict" role="status"></p>
        </div>
    </#if>
</#macro>

<#macro counted rule count key>
    <#if (count > 0)>
        <@item rule=rule min=count max=0>${msg("marketplacePasswordAtLeast", msg(plural.key(key, count), count))}</@item>
    </#if>
</#macro>

<#-- The mark is decoration until the script knows the state; then it becomes an image named «выполнено» or not. -->
<#macro item rule min max>
    <li class="mp-checklist__item" data-rule="${rule}" data-min="${min?c}" data-max="${max?c}">
        <span class="mp-checklist__mark" data-mp-check-mark aria-hidden="true"></span>
        <span class="mp-checklist__text"><#nested></span>
    </li>
</#macro>
