"""The app's sign-in corner: who the tab shops as, a sign-in form, and (in the demo only) the
"Shopping as" switch.

Signing in goes through the HTTP API from the browser (`/api/account/...`), so the server
sets the new HttpOnly session cookie; the page then reloads as the signed-in shopper. The demo
switch takes the same path: it asks for a one-time code and signs in with it.
"""

from __future__ import annotations

from typing import Any

import gradio as gr

from assistant.channels.ui.actions import ShopActions

GUEST = "guest"
# Shared by the snippets below: POST JSON to the API and read the error message, if any.
_POST = """
const post = async (path, body) => {
  const response = await fetch(path, {method: "POST", credentials: "same-origin",
    headers: {"Content-Type": "application/json"}, body: JSON.stringify(body || {})});
  const data = await response.json().catch(() => ({}));
  if (!response.ok) { throw new Error(data.error ? data.error.message : response.statusText); }
  return data;
};
"""
DEMO_SWITCH = (
    "async (user) => {"
    + _POST
    + """
  if (window.__shopassistSwitching) { return []; }  // one sign-in per pick, however many events
  window.__shopassistSwitching = true;
  try {
    if (!user || user === "guest") { await post("/api/account/signout"); }
    else {
      const issued = await post("/api/account/code", {username: user});
      await post("/api/account/signin", {username: user, code: issued.code});
    }
    location.reload();
  } catch (error) { window.__shopassistSwitching = false; alert(error.message); }
  return [];
}"""
)
SIGN_IN = (
    "async (username, password) => {"
    + _POST
    + """
  try { await post("/api/account/signin", {username, password}); location.reload(); return ""; }
  catch (error) { return error.message; }
}"""
)
REGISTER = (
    "async (username, password) => {"
    + _POST
    + """
  try { await post("/api/account/register", {username, password}); location.reload(); return ""; }
  catch (error) { return error.message; }
}"""
)
SIGN_OUT = (
    "async () => {"
    + _POST
    + """
  try { await post("/api/account/signout"); location.reload(); return ""; }
  catch (error) { return error.message; }
}"""
)


def account_panel(actions: ShopActions) -> tuple[Any, gr.Markdown]:
    """The sign-in corner; returns the demo switch (a placeholder State when the demo is off)
    and the line saying who the tab shops as, both filled in when the page loads."""
    with gr.Column(scale=0, min_width=260):
        if actions.demo:
            shoppers = [GUEST, *actions.hub.content.shoppers]
            shopping_as: Any = gr.Dropdown(
                shoppers, value=GUEST, label="Shopping as (demo)", elem_id="identity"
            )
            shopping_as.input(None, shopping_as, None, js=DEMO_SWITCH)
        else:
            shopping_as = gr.State(GUEST)
        account_line = gr.Markdown(elem_id="account-line")
        with gr.Accordion("Account", open=False, elem_id="account"):
            username = gr.Textbox(label="Username", elem_id="signin-username", max_lines=1)
            password = gr.Textbox(
                label="Password", type="password", elem_id="signin-password", max_lines=1
            )
            problem = gr.Markdown(elem_id="signin-problem")
            with gr.Row():
                sign_in = gr.Button("Sign in", variant="primary", elem_id="signin")
                register = gr.Button("Register", elem_id="register")
                sign_out = gr.Button("Sign out", elem_id="signout")
    # The password never reaches a Gradio handler: these run in the browser only.
    sign_in.click(None, [username, password], problem, js=SIGN_IN)
    register.click(None, [username, password], problem, js=REGISTER)
    sign_out.click(None, None, problem, js=SIGN_OUT)
    return shopping_as, account_line
