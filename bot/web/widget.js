/*!
 * Pain coach chat widget — embeddable, dependency-free apart from the vendored socket.io client.
 *
 * EMBED SNIPPET (paste before </body> of the clinic page):
 *
 *   <script>window.PainCoachConfig = {serverUrl: "http://127.0.0.1:5005", clinicName: "Riverside Physio",
 *     primaryColor: "#0b6e4f", emergencyNumber: "999", bookingUrl: "https://example.org/book"};</script>
 *   <script src="widget.js" defer></script>
 *
 * widget.js loads widget.css and vendor/socket.io.min.js from the folder it was itself loaded from
 * (it skips the socket.io client if the page already defines window.io).
 *
 * CONFIG OPTIONS (window.PainCoachConfig; all optional except serverUrl):
 *   serverUrl        Rasa server base URL, e.g. "http://127.0.0.1:5005". Default: same host, port 5005.
 *   socketPath       socket.io path configured in Rasa's credentials.yml. Default "/socket.io".
 *   clinicName       Shown in the header and the launcher's label. Default "your clinic".
 *   title            Panel title. Default "Pain coach".
 *   primaryColor     Any CSS colour for the header, launcher and the user's bubbles. Default "#0b6e4f".
 *                    Text on it is black or white, whichever contrasts better.
 *   emergencyNumber  Shown in the disclaimer as a tel: link. Default "112".
 *   bookingUrl       http(s) link to the clinic's booking page; shown in the footer if set.
 *   intro            Text shown above an empty conversation (not a bot message). Has a default.
 *   initPayload      Message sent silently once when a brand-new conversation starts (e.g. "/greet").
 *                    Default null (nothing is sent until the person writes).
 *   startOpen        Open the panel on page load. Default false (it also reopens if it was open
 *                    before a reload).
 *   storageKey       localStorage key. Default "paincoach:" + serverUrl.
 *
 * PROTOCOL (Rasa 3.6, rasa/core/channels/socketio.py, credentials.yml `socketio:` with
 * `session_persistence: true`, `user_message_evt: user_uttered`, `bot_message_evt: bot_uttered`):
 *   client -> server  "session_request" {session_id: <stored id or null>}
 *   server -> client  "session_confirm" <session id string> (the server joins this socket to a room
 *                     named after the session; bot replies are sent to that room)
 *   client -> server  "user_uttered" {message: "text or /intent payload", session_id}
 *   server -> client  "bot_uttered", one event per message part. Rasa splits text on blank lines, so
 *                     each paragraph usually arrives as its own event. Shapes handled here:
 *                       {text}
 *                       {text, quick_replies: [{content_type: "text", title, payload}]}  (from buttons)
 *                       {attachment: {type: "image", payload: {src}}}                   (from image)
 *                       {attachment: ...}                                               (raw attachment)
 *                       anything a custom payload emits (see below); `buttons`, `image` and
 *                       a nested `custom` object are accepted too (REST-like shapes).
 *   Custom payloads: Rasa's socket.io channel emits a custom json_message as keyword arguments of
 *   `sio.emit`, so an action must wrap it in "data":
 *       dispatcher.utter_message(json_message={"data": {...}})
 *   and the widget receives the inner object. The inner object may hold:
 *       text, buttons/quick_replies, image (URL or data: URL), alt (image description),
 *       svg (SVG markup; shown as an <img> from a data: URL, so scripts in it never run),
 *       event: "data_deleted" (the server has deleted this conversation: the widget then forgets
 *       the transcript and session id stored in this browser and starts a new session).
 *
 * PAGE API (optional): window.PainCoach.open(), .close(), .send(text), .config, and read-only
 *   .sessionId(), .connected() (socket up and session confirmed), .storageKey().
 *
 * Stable hooks for tests: #pc-launcher, #pc-panel, #pc-log, .pc-msg.pc-bot / .pc-msg.pc-user,
 * #pc-input, #pc-send, .pc-button, #pc-typing, #pc-delete, #pc-disclaimer, #pc-status.
 */
(function () {
  "use strict";

  if (window.PainCoach && window.PainCoach.loaded) return; // embedded twice: keep the first one

  // ---------------------------------------------------------------------------------------------
  // Where we were loaded from (to find widget.css and the vendored socket.io client).
  // document.currentScript is set for classic scripts, deferred ones included.
  // ---------------------------------------------------------------------------------------------
  const thisScript =
    document.currentScript ||
    Array.from(document.scripts).find((s) => /(^|\/)widget\.js(\?|#|$)/.test(s.src));
  const BASE_URL = new URL(".", thisScript && thisScript.src ? thisScript.src : location.href).href;

  // ---------------------------------------------------------------------------------------------
  // Configuration
  // ---------------------------------------------------------------------------------------------
  const userConfig = window.PainCoachConfig || {};
  const defaultServer =
    (location.protocol === "https:" ? "https:" : "http:") + "//" + (location.hostname || "127.0.0.1") + ":5005";
  const cfg = Object.assign(
    {
      serverUrl: defaultServer,
      socketPath: "/socket.io",
      clinicName: "your clinic",
      title: "Pain coach",
      primaryColor: "#0b6e4f",
      emergencyNumber: "112",
      bookingUrl: "",
      intro:
        "Hello! I can help you look after muscle pain at home. Tell me where it hurts and what it feels like.",
      initPayload: null,
      startOpen: false,
      storageKey: "",
    },
    userConfig
  );
  cfg.serverUrl = String(cfg.serverUrl).replace(/\/+$/, "");
  cfg.storageKey = cfg.storageKey || "paincoach:" + cfg.serverUrl;

  const USER_EVENT = "user_uttered";
  const BOT_EVENT = "bot_uttered";
  const MAX_STORED_MESSAGES = 150; // keeps localStorage use bounded (images can be large)
  const TYPING_TIMEOUT_MS = 30000; // hide the typing dots if no reply arrives (e.g. server restart)

  // ---------------------------------------------------------------------------------------------
  // Persistence: {v, sessionId, messages: [{role: "bot"|"user", text?, buttons?, image?, alt?}], open}
  // localStorage can be unavailable (privacy modes) or full: the widget then still works, it just
  // forgets on reload.
  // ---------------------------------------------------------------------------------------------
  const storage = {
    load() {
      try {
        const data = JSON.parse(localStorage.getItem(cfg.storageKey) || "null");
        if (data && data.v === 1 && Array.isArray(data.messages)) return data;
      } catch (_) {
        /* unreadable: start fresh */
      }
      return { v: 1, sessionId: null, messages: [], open: false };
    },
    save(state) {
      state.messages = state.messages.slice(-MAX_STORED_MESSAGES);
      for (let attempt = 0; attempt < 4; attempt++) {
        try {
          localStorage.setItem(cfg.storageKey, JSON.stringify(state));
          return;
        } catch (_) {
          // Probably over quota: drop the older half of the transcript and retry.
          if (!state.messages.length) return;
          state.messages = state.messages.slice(Math.floor(state.messages.length / 2));
        }
      }
    },
    clear() {
      try {
        localStorage.removeItem(cfg.storageKey);
      } catch (_) {
        /* nothing stored */
      }
    },
  };

  const state = storage.load();

  // ---------------------------------------------------------------------------------------------
  // Small DOM helpers
  // ---------------------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "text") node.textContent = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    node.append(...children.filter((c) => c !== null && c !== undefined)); // strings become text nodes
    return node;
  }

  /** Only http(s), mailto: and tel: links are made clickable. Returns the URL or null. */
  function safeLinkUrl(url) {
    try {
      const u = new URL(url, location.href);
      return ["http:", "https:", "mailto:", "tel:"].includes(u.protocol) ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  /** Image sources: http(s) (relative ones resolve against the Rasa server) or data:image URLs. */
  function safeImageUrl(src) {
    if (typeof src !== "string" || !src.trim()) return null;
    src = src.trim();
    if (/^data:/i.test(src)) {
      return /^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(src) ? src : null;
    }
    try {
      const u = new URL(src, cfg.serverUrl + "/");
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (_) {
      return null;
    }
  }

  /** SVG markup -> data: URL, shown through <img> so nothing in it can run. */
  function svgToDataUrl(svg) {
    return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(String(svg));
  }

  /** Black or white text, whichever reads better on the given colour (WCAG relative luminance). */
  function textColourOn(colour) {
    const probe = el("span", { style: "display:none;color:" + colour });
    document.body.append(probe);
    const rgb = (getComputedStyle(probe).color.match(/\d+(\.\d+)?/g) || [0, 0, 0]).slice(0, 3).map(Number);
    probe.remove();
    const [r, g, b] = rgb.map((c) => {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    const lum = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) ? "#000" : "#fff";
  }

  // ---------------------------------------------------------------------------------------------
  // Bot text formatting. Built with DOM nodes and text nodes only — never innerHTML — so anything
  // the server sends is shown as text, not markup.
  //   blank line        -> new paragraph          "- " / "* " / "• " lines -> bullet list
  //   "1. " lines       -> numbered list          **bold**
  //   [label](url)      -> link                   bare http(s):// URL -> link
  // ---------------------------------------------------------------------------------------------
  const INLINE_RE = /\*\*([^*\n]+?)\*\*|\[([^\]\n]+)\]\(([^)\s]+)\)|(https?:\/\/[^\s<>]*[^\s<>.,;:!?)\]'"])/g;

  function appendInline(parent, text) {
    let last = 0;
    for (const m of text.matchAll(INLINE_RE)) {
      parent.append(text.slice(last, m.index));
      if (m[1] !== undefined) {
        const strong = el("strong");
        appendInline(strong, m[1]); // a link inside bold text still works
        parent.append(strong);
      } else {
        const label = m[2] !== undefined ? m[2] : m[4];
        const href = safeLinkUrl(m[2] !== undefined ? m[3] : m[4]);
        if (href) {
          const external = /^https?:/i.test(href);
          parent.append(
            el(
              "a",
              { href, target: external ? "_blank" : null, rel: external ? "noopener noreferrer" : null },
              label,
              external ? el("span", { class: "pc-sr", text: " (opens in a new tab)" }) : null
            )
          );
        } else {
          parent.append(m[0]); // unsafe scheme: show the raw text
        }
      }
      last = m.index + m[0].length;
    }
    parent.append(text.slice(last));
  }

  function formatText(text) {
    const frag = document.createDocumentFragment();
    const blocks = String(text).replace(/\r\n?/g, "\n").split(/\n[ \t]*\n/);
    for (const block of blocks) {
      let para = null;
      let list = null;
      for (const rawLine of block.split("\n")) {
        const line = rawLine.trim();
        if (!line) continue;
        const bullet = /^[-*•]\s+(.*)$/.exec(line);
        const numbered = bullet ? null : /^\d+[.)]\s+(.*)$/.exec(line);
        if (bullet || numbered) {
          const tag = bullet ? "ul" : "ol";
          if (!list || list.tagName.toLowerCase() !== tag) {
            list = el(tag);
            frag.append(list);
          }
          const li = el("li");
          appendInline(li, (bullet || numbered)[1]);
          list.append(li);
          para = null;
        } else {
          list = null;
          if (para) para.append(el("br"));
          else frag.append((para = el("p")));
          appendInline(para, line);
        }
      }
    }
    return frag;
  }

  // ---------------------------------------------------------------------------------------------
  // Turning a bot_uttered payload into our message model
  // ---------------------------------------------------------------------------------------------
  function normaliseButtons(list) {
    if (!Array.isArray(list)) return [];
    return list
      .filter((b) => b && (typeof b.payload === "string" || typeof b.title === "string"))
      .map((b) => ({
        title: String(b.title != null ? b.title : b.payload),
        payload: String(b.payload != null ? b.payload : b.title),
      }));
  }

  /** Returns {message, event}; message is null when there is nothing to show. */
  function parseBotPayload(data) {
    if (typeof data === "string") return { message: { role: "bot", text: data }, event: null };
    if (!data || typeof data !== "object") return { message: null, event: null };
    const src = Object.assign({}, data, data.custom && typeof data.custom === "object" ? data.custom : {});

    const message = { role: "bot" };
    if (typeof src.text === "string" && src.text.trim()) message.text = src.text;

    const buttons = normaliseButtons(src.quick_replies || src.buttons);
    if (buttons.length) message.buttons = buttons;

    // Image: `image` URL, an attachment (Rasa's {type: "image", payload: {src}} or a bare URL), or SVG.
    let image = null;
    let alt = typeof src.alt === "string" ? src.alt : null;
    const att = src.attachment;
    if (typeof src.image === "string") image = src.image;
    else if (typeof att === "string") image = att;
    else if (att && typeof att === "object" && att.payload && (att.type === "image" || !att.type)) {
      image = att.payload.src || att.payload.url || null;
      if (!alt && typeof att.payload.alt === "string") alt = att.payload.alt;
    } else if (typeof src.svg === "string" && /<svg[\s>]/i.test(src.svg)) image = svgToDataUrl(src.svg);
    const safe = safeImageUrl(image);
    if (safe) {
      message.image = safe;
      message.alt = alt || "Picture from the assistant";
    }

    // A file the person can keep (the summary for their therapist): only plain-text data URLs.
    const dl = src.download;
    if (dl && typeof dl === "object" && typeof dl.href === "string" && /^data:text\/plain[;,]/.test(dl.href)) {
      message.download = {
        href: dl.href,
        filename: typeof dl.filename === "string" ? dl.filename.replace(/[^\w.-]/g, "_") : "summary.txt",
        label: typeof dl.label === "string" ? dl.label : "Download the summary",
      };
    }

    const event = typeof src.event === "string" ? src.event : null;
    const hasContent = message.text || message.buttons || message.image || message.download;
    return { message: hasContent ? message : null, event };
  }

  // ---------------------------------------------------------------------------------------------
  // Building the widget
  // ---------------------------------------------------------------------------------------------
  let ui = null; // element references, filled by build()

  function icon(pathD) {
    // Decorative inline icon (aria-hidden); created with the SVG namespace, no markup parsing.
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    const path = document.createElementNS(NS, "path");
    path.setAttribute("d", pathD);
    path.setAttribute("fill", "currentColor");
    svg.append(path);
    return svg;
  }
  const ICON_CHAT = "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z";
  const ICON_SEND = "M3 20.5 21 12 3 3.5v6.6l12 1.9-12 1.9z";
  const ICON_CLOSE =
    "M18.3 5.7a1 1 0 0 0-1.4 0L12 10.6 7.1 5.7a1 1 0 0 0-1.4 1.4l4.9 4.9-4.9 4.9a1 1 0 1 0 1.4 1.4l4.9-4.9 4.9 4.9a1 1 0 0 0 1.4-1.4L13.4 12l4.9-4.9a1 1 0 0 0 0-1.4z";

  function build() {
    const emergencyHref = safeLinkUrl("tel:" + String(cfg.emergencyNumber).replace(/[^\d+*#]/g, ""));
    const bookingHref = cfg.bookingUrl ? safeLinkUrl(cfg.bookingUrl) : null;

    const launcher = el(
      "button",
      {
        id: "pc-launcher",
        class: "pc-launcher",
        type: "button",
        "aria-controls": "pc-panel",
        "aria-expanded": "false",
        "aria-label": "Open the pain coach chat of " + cfg.clinicName,
      },
      icon(ICON_CHAT),
      el("span", { class: "pc-launcher-text", "aria-hidden": "true", text: "Chat" })
    );

    const closeBtn = el(
      "button",
      { id: "pc-close", class: "pc-close", type: "button", "aria-label": "Close chat" },
      icon(ICON_CLOSE)
    );

    const disclaimer = el(
      "p",
      { id: "pc-disclaimer", class: "pc-disclaimer" },
      "Not a diagnosis. In an emergency call ",
      emergencyHref
        ? el("a", { href: emergencyHref }, String(cfg.emergencyNumber))
        : String(cfg.emergencyNumber),
      "."
    );

    const status = el("p", { id: "pc-status", class: "pc-status", role: "status", "aria-live": "polite" });

    const log = el("div", {
      id: "pc-log",
      class: "pc-log",
      role: "log",
      "aria-live": "polite",
      "aria-relevant": "additions",
      "aria-label": "Conversation",
      tabindex: "0", // lets keyboard users scroll the transcript
    });

    // Decorative; the reply itself is announced by the log when it arrives.
    const typing = el(
      "div",
      { id: "pc-typing", class: "pc-typing", "aria-hidden": "true", hidden: true },
      el("span"),
      el("span"),
      el("span")
    );

    const input = el("input", {
      id: "pc-input",
      class: "pc-input",
      type: "text",
      autocomplete: "off",
      maxlength: "1000",
      placeholder: "Type your message…",
      enterkeyhint: "send",
    });
    const send = el(
      "button",
      { id: "pc-send", class: "pc-send", type: "submit", "aria-label": "Send message" },
      icon(ICON_SEND)
    );
    const form = el(
      "form",
      { id: "pc-form", class: "pc-form" },
      el("label", { for: "pc-input", class: "pc-sr", text: "Your message" }),
      input,
      send
    );

    const del = el("button", { id: "pc-delete", class: "pc-delete", type: "button", text: "Delete my data" });
    const footer = el(
      "div",
      { class: "pc-footer" },
      el(
        "p",
        { class: "pc-privacy", id: "pc-privacy" },
        "This conversation is stored by " + cfg.clinicName + " and in this browser so you can pick it up later. ",
        del
      ),
      bookingHref
        ? el(
            "p",
            { class: "pc-booking" },
            el(
              "a",
              { href: bookingHref, target: "_blank", rel: "noopener noreferrer" },
              "Book an appointment",
              el("span", { class: "pc-sr", text: " (opens in a new tab)" })
            )
          )
        : null
    );

    const panel = el(
      "section",
      {
        id: "pc-panel",
        class: "pc-panel",
        role: "dialog",
        "aria-labelledby": "pc-title",
        "aria-describedby": "pc-disclaimer",
        hidden: true,
      },
      el(
        "div",
        { class: "pc-header" },
        el(
          "div",
          { class: "pc-heading" },
          el("h2", { id: "pc-title", class: "pc-title", text: cfg.title }),
          el("p", { class: "pc-subtitle", text: cfg.clinicName })
        ),
        closeBtn
      ),
      disclaimer,
      status,
      log,
      typing,
      form,
      footer
    );

    const root = el("div", { id: "pc-root", class: "pc-root" }, panel, launcher);
    root.style.setProperty("--pc-primary", cfg.primaryColor);
    document.body.append(root);
    root.style.setProperty("--pc-on-primary", textColourOn(cfg.primaryColor));

    ui = { root, launcher, panel, closeBtn, log, typing, input, send, form, del, status };

    // --- event wiring -------------------------------------------------------------------------
    launcher.addEventListener("click", () => (isOpen() ? close() : open()));
    closeBtn.addEventListener("click", () => close());
    // Escape closes from anywhere inside the widget (panel or launcher).
    root.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && isOpen()) {
        e.preventDefault();
        close();
      }
    });
    // A <form> gives us "Enter to send" for free, for keyboards and on-screen keyboards alike.
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const text = input.value.trim();
      if (!text) return;
      input.value = "";
      sendUserMessage(text, text);
      input.focus();
    });
    del.addEventListener("click", () => {
      sendUserMessage("/delete_data", "Delete my data");
      input.focus();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering messages
  // ---------------------------------------------------------------------------------------------
  function renderMessage(message, withButtons) {
    const isBot = message.role === "bot";
    const node = el("div", { class: "pc-msg " + (isBot ? "pc-bot" : "pc-user") });
    // Screen readers hear who said what; the visual layout already shows it.
    node.append(el("span", { class: "pc-sr", text: isBot ? "Assistant: " : "You: " }));

    if (message.text) {
      const bubble = el("div", { class: "pc-bubble" });
      if (isBot) bubble.append(formatText(message.text));
      else bubble.textContent = message.text; // the person's own words: plain text
      node.append(bubble);
    }
    if (message.image) {
      node.append(
        el("img", { class: "pc-img", src: message.image, alt: message.alt || "", loading: "lazy", decoding: "async" })
      );
    }
    if (message.download) {
      node.append(el("a", { class: "pc-download", href: message.download.href,
        download: message.download.filename, text: message.download.label }));
    }
    if (withButtons && message.buttons && message.buttons.length) {
      const group = el("div", { class: "pc-quick", role: "group", "aria-label": "Suggested replies" });
      for (const b of message.buttons) {
        const btn = el("button", { class: "pc-button", type: "button", text: b.title });
        btn.addEventListener("click", () => {
          sendUserMessage(b.payload, b.title);
          ui.input.focus(); // the buttons disappear; keep focus somewhere useful
        });
        group.append(btn);
      }
      node.append(group);
    }
    ui.log.append(node);
    scrollToEnd();
  }

  function renderNote(text) {
    ui.log.append(el("p", { class: "pc-note", text }));
    scrollToEnd();
  }

  function renderIntro() {
    if (cfg.intro && !ui.log.querySelector(".pc-intro")) {
      ui.log.prepend(el("p", { class: "pc-intro", text: cfg.intro }));
    }
  }

  /** Re-render the stored transcript (page reload). Buttons stay only after the last user turn. */
  function renderHistory() {
    ui.log.textContent = "";
    renderIntro();
    let lastUser = -1;
    state.messages.forEach((m, i) => {
      if (m.role === "user") lastUser = i;
    });
    state.messages.forEach((m, i) => renderMessage(m, i > lastUser));
  }

  function scrollToEnd() {
    ui.log.scrollTop = ui.log.scrollHeight;
  }

  function clearQuickReplies() {
    ui.log.querySelectorAll(".pc-quick").forEach((g) => g.remove());
  }

  let typingTimer = null;
  function setTyping(on) {
    ui.typing.hidden = !on;
    clearTimeout(typingTimer);
    if (on) typingTimer = setTimeout(() => setTyping(false), TYPING_TIMEOUT_MS);
    scrollToEnd();
  }

  function setStatus(text) {
    if (ui.status.textContent !== text) ui.status.textContent = text;
    ui.status.hidden = !text;
  }

  function addMessage(message) {
    state.messages.push(message);
    state.lastActive = Date.now();
    storage.save(state);
    renderMessage(message, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Opening and closing
  // ---------------------------------------------------------------------------------------------
  function isOpen() {
    return !ui.panel.hidden;
  }

  function open({ focus = true } = {}) {
    if (isOpen()) return;
    ui.panel.hidden = false;
    ui.root.classList.add("pc-open");
    ui.launcher.setAttribute("aria-expanded", "true");
    ui.launcher.setAttribute("aria-label", "Close the pain coach chat");
    state.open = true;
    storage.save(state);
    scrollToEnd();
    if (focus) ui.input.focus();
    connect(); // connect lazily: pages whose visitors never open the chat make no connection
  }

  function close() {
    if (!isOpen()) return;
    ui.panel.hidden = true;
    ui.root.classList.remove("pc-open");
    ui.launcher.setAttribute("aria-expanded", "false");
    ui.launcher.setAttribute("aria-label", "Open the pain coach chat of " + cfg.clinicName);
    state.open = false;
    storage.save(state);
    ui.launcher.focus();
  }

  // ---------------------------------------------------------------------------------------------
  // Talking to Rasa over socket.io
  // ---------------------------------------------------------------------------------------------
  let socket = null;
  let sessionReady = false; // true once the server confirmed our session (and joined its room)
  const outbox = []; // messages typed while (re)connecting; sent after session_confirm
  let initSent = false;

  function sendUserMessage(payload, shownText) {
    clearQuickReplies();
    addMessage({ role: "user", text: shownText });
    outbox.push(payload);
    setTyping(true);
    connect();
    flush();
  }

  function flush() {
    if (!socket || !socket.connected || !sessionReady) return;
    while (outbox.length) {
      socket.emit(USER_EVENT, { message: outbox.shift(), session_id: state.sessionId });
    }
  }

  // A "returning visit": the conversation exists and has been quiet for a while, or the page was
  // opened from a check-in email link. The bot then opens with any check-in that is waiting.
  const RETURN_AFTER_MS = 30 * 60 * 1000;
  let resumeAnnounced = false;
  let resumedByLink = false;

  function isReturningVisit() {
    return Boolean(state.sessionId && state.messages.length && state.lastActive &&
      Date.now() - state.lastActive > RETURN_AFTER_MS);
  }

  /** `?resume=TOKEN` from a check-in email: ask the clinic page's server which conversation it is. */
  function adoptResumeLink(done) {
    const token = new URLSearchParams(location.search).get("resume");
    if (!token || typeof fetch !== "function") return done();
    fetch(new URL("resume?token=" + encodeURIComponent(token), BASE_URL).href, { credentials: "omit" })
      .then((r) => (r.ok ? r.json() : null))
      .then((data) => {
        if (data && typeof data.session_id === "string" && data.session_id !== state.sessionId) {
          state.sessionId = data.session_id;
          state.messages = [];
        }
        if (data && data.session_id) {
          resumedByLink = true;
          state.open = true;
          storage.save(state);
        }
      })
      .catch(() => {})
      .finally(done);
  }

  function requestSession() {
    sessionReady = false;
    // With a stored id Rasa resumes that conversation; with null it makes a new one.
    socket.emit("session_request", { session_id: state.sessionId || null });
  }

  function onSessionConfirm(data) {
    const id = data && typeof data === "object" ? data.session_id : data;
    if (typeof id !== "string" || !id) return;
    if (state.sessionId !== id) {
      state.sessionId = id;
      storage.save(state);
    }
    sessionReady = true;
    setStatus("");
    if (!resumeAnnounced && (resumedByLink || isReturningVisit())) {
      resumeAnnounced = true;
      outbox.unshift("/session_resumed"); // silent: lets the bot open with a due check-in
    }
    if (cfg.initPayload && !initSent && state.messages.length === 0 && outbox.length === 0) {
      initSent = true;
      outbox.push(String(cfg.initPayload)); // silent: not shown as the person's message
      setTyping(true);
    }
    flush();
  }

  function onBotUttered(data) {
    const { message, event } = parseBotPayload(data);
    if (message) {
      setTyping(false);
      addMessage(message);
    }
    if (event === "data_deleted") forgetConversation();
  }

  /**
   * The server deleted this conversation: forget it here too (storage and screen) and start a fresh
   * session. Only the server's confirmation stays on screen (not stored), so the person sees what
   * happened but none of what they said.
   */
  function forgetConversation() {
    const confirmation = [];
    for (let i = state.messages.length - 1; i >= 0 && state.messages[i].role === "bot"; i--) {
      confirmation.unshift(state.messages[i]);
    }
    storage.clear();
    state.sessionId = null;
    state.messages = [];
    state.open = isOpen();
    outbox.length = 0;
    clearTimeout(typingTimer);
    ui.typing.hidden = true;
    ui.log.textContent = "";
    renderIntro();
    confirmation.forEach((m) => renderMessage(m, false));
    renderNote("Your conversation data has been deleted. Anything you write now starts a new conversation.");
    storage.save(state);
    if (socket && socket.connected) requestSession();
  }

  let ioLoaded = false; // the socket.io client script has loaded (or failed to)
  let connectWanted = false; // connect() was called before that

  function connect() {
    if (socket) return;
    if (!ioLoaded) {
      connectWanted = true; // start() calls us again once the script is there
      return;
    }
    if (typeof window.io !== "function") {
      setStatus("The chat could not load. Please try again later.");
      return;
    }
    // Default transports: HTTP long-polling first, then upgrade to WebSocket.
    // Reconnection is on by default with exponential back-off (up to 5 s here), forever.
    socket = window.io(cfg.serverUrl, {
      path: cfg.socketPath,
      reconnection: true,
      reconnectionDelay: 1000,
      reconnectionDelayMax: 5000,
    });

    // "connect" fires on the first connection and after every reconnection (a server restart
    // gives us a new socket id): ask for the same session again so replies reach us.
    socket.on("connect", requestSession);
    socket.on("session_confirm", onSessionConfirm);
    socket.on(BOT_EVENT, onBotUttered);
    socket.on("disconnect", (reason) => {
      sessionReady = false;
      setStatus("Connection lost. Reconnecting…");
      // The server closed us on purpose: socket.io does not retry by itself in that case.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", () => {
      sessionReady = false;
      setStatus("Cannot reach the assistant right now. Retrying…");
    });
  }

  // Back online (Wi-Fi returns, a phone leaves a tunnel): reconnect at once instead of waiting out
  // the back-off delay; messages typed meanwhile wait in the outbox and go out after session_confirm.
  window.addEventListener("online", () => {
    if (socket && !socket.connected) socket.disconnect().connect();
  });

  // ---------------------------------------------------------------------------------------------
  // Start-up
  // ---------------------------------------------------------------------------------------------
  function loadStylesheet() {
    const href = new URL("widget.css", BASE_URL).href;
    if (!document.querySelector('link[data-pc-style]')) {
      document.head.append(el("link", { rel: "stylesheet", href, "data-pc-style": "1" }));
    }
  }

  function loadSocketIo(done) {
    if (typeof window.io === "function") return done();
    const script = el("script", { src: new URL("vendor/socket.io.min.js", BASE_URL).href, async: true });
    script.addEventListener("load", done);
    script.addEventListener("error", done); // connect() reports the failure in the status line
    document.head.append(script);
  }

  function start() {
    loadStylesheet();
    build();
    setStatus("");
    adoptResumeLink(() => {
      renderHistory();
      loadSocketIo(() => {
        ioLoaded = true;
        if (connectWanted) connect();
      });
      if (cfg.startOpen || state.open) open({ focus: false }); // do not steal focus on page load
    });
  }

  window.PainCoach = {
    loaded: true,
    config: cfg,
    open: () => ui && open(),
    close: () => ui && close(),
    send: (text) => ui && text && sendUserMessage(String(text), String(text)),
    /** The id Rasa knows this conversation by (null before the first session_confirm). */
    sessionId: () => state.sessionId,
    /** True when connected and the server confirmed the session (messages go out at once). */
    connected: () => Boolean(socket && socket.connected && sessionReady),
    /** localStorage key of the stored transcript. */
    storageKey: () => cfg.storageKey,
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
