// Klaxon console: progressive enhancement only. Every page reads and acts without this file;
// with it, the board follows the change feed live, times stay relative, charts are drawn.
(function () {
  "use strict";

  // htmx's settings are in the page's <meta name="htmx-config">: no inline indicator style (CSP),
  // and refused forms (400/409, answered with the form showing why) are swapped in too.

  // CSRF: htmx requests carry the token from the page's meta tags when the server sends them.
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });

  // ---- relative times -------------------------------------------------------------------
  function ago(iso) {
    var s = Math.round((Date.now() - Date.parse(iso)) / 1000);
    var future = s < 0;
    s = Math.abs(s);
    if (s < 45) return "just now";
    var text;
    if (s < 3600) text = Math.max(1, Math.round(s / 60)) + " min";
    else if (s < 172800) text = Math.round(s / 3600) + " h";
    else text = Math.round(s / 86400) + " d";
    return future ? "in " + text : text + " ago";
  }
  function refreshTimes(root) {
    (root || document).querySelectorAll("time[datetime]").forEach(function (t) {
      t.textContent = ago(t.getAttribute("datetime"));
    });
  }
  setInterval(refreshTimes, 30000);

  // ---- sound ----------------------------------------------------------------------------
  var audio = null;
  function soundOn() {
    return localStorage.getItem("klaxon.sound") === "on";
  }
  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.value = 0.08;
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.15);
    } catch (ignored) {
      // No audio device: the board still updates.
    }
  }
  function showSound(button) {
    var on = soundOn();
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "Sound on" : "Sound off";
  }
  document.addEventListener("click", function (e) {
    var button = e.target.closest("[data-sound-toggle]");
    if (!button) return;
    localStorage.setItem("klaxon.sound", soundOn() ? "off" : "on");
    showSound(button);
    if (soundOn()) beep();
  });

  // ---- selection ------------------------------------------------------------------------
  function selectedIds() {
    return Array.prototype.map.call(
      document.querySelectorAll('#board input[name="id"]:checked'), function (c) { return c.value; });
  }
  function showSelected() {
    var out = document.querySelector("[data-selected-count]");
    if (out) {
      var n = selectedIds().length;
      out.textContent = n === 0 ? "" : n + " selected";
    }
  }
  document.addEventListener("change", function (e) {
    if (e.target.matches('#board input[name="id"]')) showSelected();
  });

  // ---- live change feed -----------------------------------------------------------------
  var source = null;
  var pending = {};
  var refreshTimer = null;

  function liveState(text) {
    var state = document.querySelector("[data-live-state]");
    if (state) state.textContent = text;
  }

  function refreshBoard() {
    refreshTimer = null;
    var board = document.getElementById("board");
    if (!board || !window.htmx) return;
    var keep = selectedIds();
    var changed = pending;
    pending = {};
    htmx.ajax("GET", board.getAttribute("data-board-url"), {
      target: "#board", select: "#board", swap: "outerHTML"
    }).then(function () {
      keep.forEach(function (id) {
        var box = document.getElementById("select-" + id);
        if (box) box.checked = true;
      });
      Object.keys(changed).forEach(function (id) {
        var row = document.getElementById("alert-" + id);
        if (row) row.classList.add("flash-row");
      });
      showSelected();
    });
  }

  function onAlert(e) {
    var alert;
    try { alert = JSON.parse(e.data); } catch (ignored) { return; }
    if (document.getElementById("board")) {
      pending[alert.id] = true;
      if (alert.version === 1 && soundOn()) beep();
      if (!refreshTimer) refreshTimer = setTimeout(refreshBoard, 250);
    }
    var detail = document.querySelector("[data-live-alert]");
    if (detail && String(alert.id) === detail.getAttribute("data-alert-id")
        && alert.version > Number(detail.getAttribute("data-alert-version"))) {
      var note = detail.querySelector("[data-changed]");
      if (note) note.hidden = false;
    }
  }

  function follow() {
    var wanted = document.querySelector("[data-live-board], [data-live-alert]");
    if (!wanted) {
      if (source) { source.close(); source = null; }
      return;
    }
    var controls = document.querySelector("[data-live-controls]");
    if (controls) {
      controls.hidden = false;
      var toggle = controls.querySelector("[data-sound-toggle]");
      if (toggle) showSound(toggle);
    }
    if (source) {
      liveState(source.readyState === 1 ? "live" : "connecting…");
      return;
    }
    source = new EventSource("/api/alerts/stream");
    source.addEventListener("open", function () { liveState("live"); });
    source.addEventListener("error", function () { liveState("reconnecting…"); });
    source.addEventListener("alert", onAlert);
    source.addEventListener("reset", function () {
      // The server dropped us for falling behind: catch up by reloading the list.
      if (document.getElementById("board")) refreshBoard();
    });
  }

  // ---- charts (uPlot) -------------------------------------------------------------------
  function drawCharts(root) {
    if (!window.uPlot) return;
    (root || document).querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.getAttribute("data-drawn")) return;
      var spec = JSON.parse(el.getAttribute("data-chart"));
      var width = Math.max(280, Math.min(el.clientWidth || 800, 1100));
      var opts = {
        width: width,
        height: spec.height || 260,
        scales: { x: { time: true } },
        series: [{}].concat(spec.series.map(function (s) {
          return { label: s.label, stroke: s.color, width: s.fill ? 0 : 2,
                   fill: (spec.filled || s.fill) ? s.color + "33" : undefined,
                   dash: s.dash ? [6, 4] : undefined,
                   // A bookmaker's line runs on across the times only others were seen at.
                   spanGaps: !s.fill,
                   points: { show: spec.points === true && !s.fill && !s.dash } };
        })),
        axes: [{}, { label: spec.yLabel || "" }]
      };
      el.setAttribute("data-drawn", "1");
      el.innerHTML = "";
      new uPlot(opts, [spec.x].concat(spec.series.map(function (s) { return s.values; })), el);
    });
  }

  function enhance(root) {
    refreshTimes(root);
    drawCharts(root);
    showSelected();
    follow();
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    if (window.htmx) htmx.onLoad(function (elt) { enhance(elt); });
  });
})();
