/*
 * Plotline embeds: makes each Plotline chart iframe on this page as tall as the chart inside it.
 * Include it once or many times, anywhere, async. No dependencies.
 * It listens for the height the embed page posts, and sizes only the iframe that sent it, and only when
 * it comes from the site this script was loaded from, so no other frame can resize anything.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src || typeof URL !== "function") return;
  var origin = new URL(script.src).origin;
  var loaded = (window.plotlineEmbedOrigins = window.plotlineEmbedOrigins || {});
  if (loaded[origin]) return;
  loaded[origin] = true;

  function frames() {
    var found = [];
    var all = document.getElementsByTagName("iframe");
    for (var i = 0; i < all.length; i++) {
      try {
        if (new URL(all[i].src, location.href).origin === origin) found.push(all[i]);
      } catch (error) {
        // an iframe without a usable src is not ours
      }
    }
    return found;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (event.origin !== origin || !data || data.type !== "plotline:height") return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < 20000)) return;
    var ours = frames();
    for (var i = 0; i < ours.length; i++) {
      if (ours[i].contentWindow === event.source) ours[i].style.height = height + "px";
    }
  });

  // Frames that loaded before this script had no one to tell their height to: ask them again.
  var ours = frames();
  for (var i = 0; i < ours.length; i++) {
    if (ours[i].contentWindow) ours[i].contentWindow.postMessage({ type: "plotline:request-height" }, "*");
  }
})();
