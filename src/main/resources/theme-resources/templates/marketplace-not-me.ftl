<#-- «Это были не вы?»: reached from the code e-mail. GET shows this page; only the button's POST cancels. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: marketplace-not-me.ftl -->
    <#if section = "header">
        ${msg("marketplaceNotMeTitle")}
    <#elseif section = "form">
        <#if notMeState == "confirm">
            <p id="mp-not-me-text">${msg("marketplaceNotMeConfirmText")}</p>
            <form id="mp-not-me-form" action="${notMeAction}" method="post">
                <input type="hidden" name="token" value="${notMeToken}"/>
                <button id="mp-not-me-cancel" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                        type="submit">${msg("marketplaceNotMeButton")}</button>
            </form>
        <#elseif notMeState == "cancelled">
            <p id="mp-not-me-text" role="status">${msg("marketplaceNotMeCancelledText")}</p>
        <#else>
            <p id="mp-not-me-text">${msg("marketplaceNotMeInvalidText")}</p>
        </#if>
    </#if>
</@layout.registrationLayout>
