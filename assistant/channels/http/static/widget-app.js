/* The chat page inside the widget's frame. The server issues the session: the first reply
   carries its id, which this page sends back in the X-Session-Id header and hands to the
   host page (postMessage), which keeps it in its own storage and passes it back in this
   frame's URL fragment (a fragment never reaches a server or its logs). */
"use strict";
(function () {
  const OWN_KEY = "shopassist-widget-session";
  const fromHost = new URLSearchParams(location.hash.slice(1)).get("session");
  let session = fromHost || readOwn();
  const log = document.getElementById("log");

  function readOwn() {
    try { return localStorage.getItem(OWN_KEY); } catch (error) { return null; }
  }
  function hostOrigin() {
    if (location.ancestorOrigins && location.ancestorOrigins.length) {
      return location.ancestorOrigins[0];
    }
    try { return document.referrer ? new URL(document.referrer).origin : null; }
    catch (error) { return null; }
  }
  function keep(id) {
    if (!id || id === session) { return; }
    session = id;
    try { localStorage.setItem(OWN_KEY, id); } catch (error) { /* storage blocked */ }
    const host = hostOrigin();
    if (window.parent !== window && host) {
      window.parent.postMessage({ type: "shopassist-session", session: id }, host);
    }
  }
  function add(text, who) {
    const item = document.createElement("div");
    item.className = "msg " + who;
    item.textContent = text;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
    return item;
  }
  function ask(text) {
    const headers = { "Content-Type": "application/json" };
    if (session) { headers["X-Session-Id"] = session; }
    return fetch("/api/chat/stream", {
      method: "POST", headers: headers, credentials: "omit",
      body: JSON.stringify({ message: text, channel: "widget" }),
    });
  }
  async function readStream(response, reply) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = "", shown = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) { break; }
      buffer += decoder.decode(value, { stream: true });
      let cut;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const kind = block.split("\n")[0].replace("event: ", "");
        const data = JSON.parse(block.slice(block.indexOf("data: ") + 6));
        if (kind === "delta") { shown += data.text; reply.textContent = shown; }
        if (kind === "reply") {
          keep(data.session_id);
          reply.textContent = data.text;
          reply.dataset.done = "1";
        }
        log.scrollTop = log.scrollHeight;
      }
    }
  }
  document.getElementById("ask").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = document.getElementById("message");
    const text = input.value;
    input.value = "";
    add(text, "me");
    const reply = add("…", "bot");
    let response = await ask(text);
    if (response.status === 401 && session) {  // expired or unknown: start a new session
      session = null;
      response = await ask(text);
    }
    if (!response.ok) {
      const body = await response.json();
      reply.textContent = body.error ? body.error.message : "Something went wrong.";
      return;
    }
    await readStream(response, reply);
  });
  window.shopassistSession = function () { return session; };  // for tests and debugging
})();
