<#-- Keycloak's error page (base/login/error.ftl) with the marketplace's words for what reaches it from below the
     flow. Keycloak's KeycloakErrorHandler renders this template for an exception no provider ever saw, sets only
     statusCode and gives every status but 404 the same «Произошла внутренняя ошибка сервера»:
       413: a form field over quarkus.http.limits.max-form-attribute-size (Keycloak sets 128 KiB), refused by
            RESTEasy Reactive's form parser before Keycloak's resource or any provider runs;
       500: anything else unexpected, a broken %-encoding in a form included (the parser's IllegalArgumentException);
            the page cannot tell the two apart, so its words fit both.
     Other error pages (LoginFormsProvider.createErrorPage) set no statusCode and keep their own message. -->
<#import "template.ftl" as layout>
<#assign status = (statusCode!0)>
<#if status == 413>
    <#assign title = msg("marketplaceErrorTooLargeTitle")>
    <#assign summary = msg("marketplaceErrorTooLarge")>
<#elseif status == 500>
    <#assign title = msg("marketplaceErrorUnexpectedTitle")>
    <#assign summary = msg("marketplaceErrorUnexpected")>
<#else>
    <#assign title = kcSanitize(msg("errorTitle"))?no_esc>
    <#assign summary = kcSanitize(message.summary)?no_esc>
</#if>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: error.ftl -->
    <#if section = "header">
        ${title}
    <#elseif section = "form">
        <div id="kc-error-message">
            <p class="instruction" id="mp-error-summary">${summary}</p>
            <#if traceId??>
                <p class="instruction" id="traceId">${msg("traceIdSupportMessage", traceId)}</p>
            </#if>
            <#if skipLink??>
            <#else>
                <#if client?? && client.baseUrl?has_content>
                    <p><a id="backToApplication" href="${client.baseUrl}">${msg("backToApplication")}</a></p>
                </#if>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
