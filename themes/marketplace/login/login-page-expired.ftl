<#import "template.ftl" as layout>
<#--
  Keycloak's «Страница устарела», shown for a form of a step the session has already passed: the second post of
  a double click that Keycloak answers after the first moved the session on, a form left open in another tab, the
  back button. Keycloak offers "restart" and "continue"; the shopper nearly always wants to continue, so the page
  does it (marketplace-continue.js), and without JavaScript «Продолжить» is its main button. Continuing goes
  through the extension's /realms/{realm}/marketplace-continue, which reads the session afresh and sends the browser
  to the step it is at: after a double click on «Подтвердить», «Придумайте новый пароль». (Keycloak's own continue
  address, url.loginAction, was computed from the session as this request read it, possibly before the other
  request moved it on.) Its client_id and tab_id are the restart address's.
-->
<#assign continueUrl = url.loginRestartFlowUrl?keep_before("/login-actions/") + "/marketplace-continue?" + url.loginRestartFlowUrl?keep_after("?")>
<@layout.registrationLayout; section>
    <#if section = "header">
        ${msg("marketplaceStepDoneTitle")}
    <#elseif section = "form">
        <p id="instruction1" class="instruction">${msg("marketplaceStepDone")}</p>
        <div class="${properties.kcFormGroupClass!}">
            <a id="loginContinueLink" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
               href="${continueUrl}" data-mp-continue-automatically="true">${msg("marketplaceStepDoneContinue")}</a>
        </div>
        <p><a id="loginRestartLink" href="${url.loginRestartFlowUrl}">${msg("marketplaceStepDoneRestart")}</a></p>
        <script type="module" src="${url.resourcesPath}/js/marketplace-continue.js"></script>
    </#if>
</@layout.registrationLayout>
