/* ShopAssist chat widget: <script src="http://HOST/widget.js" data-shop="..."></script>
   Adds a floating chat button that opens the assistant in an iframe. The server issues the
   session; the frame hands its id over (postMessage from the widget's own origin only) and
   it is kept in the host page's own storage (browsers block storage in third-party frames),
   then given back in the frame URL's fragment, which never reaches a server. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.__shopassistWidget) { return; }
  window.__shopassistWidget = true;
  var origin = new URL(script.src).origin;
  var shop = script.getAttribute("data-shop") || "default";
  var key = "shopassist-session:" + origin;
  var session = null;
  try { session = window.localStorage.getItem(key); } catch (error) { session = null; }

  var button = document.createElement("button");
  button.type = "button";
  button.id = "shopassist-button";
  button.setAttribute("aria-label", "Chat with the shop assistant");
  // An inline SVG bubble: emoji fonts are missing on many systems.
  button.innerHTML = '<svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="#fff" ' +
    'stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">' +
    '<path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';
  button.style.cssText = "position:fixed;right:20px;bottom:20px;width:56px;height:56px;" +
    "border-radius:50%;border:none;background:#1f6feb;color:#fff;display:flex;align-items:center;justify-content:center;" +
    "box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer;z-index:2147483646";

  var frame = document.createElement("iframe");
  frame.id = "shopassist-frame";
  frame.title = "Shop assistant";
  frame.src = origin + "/widget?shop=" + encodeURIComponent(shop) +
    (session ? "#session=" + encodeURIComponent(session) : "");
  frame.style.cssText = "position:fixed;right:20px;bottom:88px;width:min(380px,calc(100vw - 40px));" +
    "height:min(560px,calc(100vh - 120px));border:1px solid #d0d7de;border-radius:12px;" +
    "box-shadow:0 8px 24px rgba(0,0,0,.2);background:#fff;display:none;z-index:2147483647";

  window.addEventListener("message", function (event) {
    // Only the widget's own frame may hand over a session.
    if (event.origin !== origin || event.source !== frame.contentWindow) { return; }
    var data = event.data || {};
    if (data.type !== "shopassist-session" || typeof data.session !== "string") { return; }
    try { window.localStorage.setItem(key, data.session); } catch (error) { /* blocked */ }
  });
  button.addEventListener("click", function () {
    frame.style.display = frame.style.display === "none" ? "block" : "none";
  });
  document.body.appendChild(frame);
  document.body.appendChild(button);
})();
