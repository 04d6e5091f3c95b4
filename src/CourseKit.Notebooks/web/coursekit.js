// Draws what an exported notebook shows, from the local copies in assets/ only (no network).
var coursekit = (function () {
  // Each chart is a div plus its Plotly figure as JSON; sliders and buttons are in the layout.
  function drawCharts() {
    document.querySelectorAll('script.coursekit-figure').forEach(function (json) {
      var figure = JSON.parse(json.textContent);
      var layout = figure.layout || {};
      delete layout.width;
      delete layout.height;
      layout.autosize = true;
      Plotly.newPlot(json.dataset.chart, figure.data, layout, Object.assign({ responsive: true }, figure.config || {}));
    });
  }

  // Markdig leaves math as <span class="math">\(…\)</span> or <div class="math">\[…\]</div>.
  function renderMath() {
    document.querySelectorAll('.math').forEach(function (element) {
      var tex = element.textContent.trim();
      var display = element.tagName === 'DIV';
      if (tex.startsWith('\\(') && tex.endsWith('\\)')) tex = tex.slice(2, -2);
      else if (tex.startsWith('\\[') && tex.endsWith('\\]')) { tex = tex.slice(2, -2); display = true; }
      try {
        katex.render(tex, element, { displayMode: display, throwOnError: true });
      } catch (error) {
        console.error('KaTeX could not render ' + tex + ': ' + error.message);
      }
    });
  }

  function highlight() {
    document.querySelectorAll('pre.input code').forEach(function (code) { hljs.highlightElement(code); });
  }

  function resizeCharts(slide) {
    if (!slide) return;
    slide.querySelectorAll('.coursekit-chart').forEach(function (chart) { Plotly.Plots.resize(chart); });
  }

  return {
    page: function () {
      renderMath();
      highlight();
      drawCharts();
    },
    deck: function () {
      renderMath();
      highlight();
      drawCharts();
      Reveal.initialize({
        hash: true,
        width: 1280,
        height: 800,
        margin: 0.04,
        center: false,
        plugins: [RevealNotes],
      });
      // A chart drawn on a slide not yet shown has no size: fit it when its slide appears.
      Reveal.on('ready', function (event) { resizeCharts(event.currentSlide); });
      Reveal.on('slidechanged', function (event) { resizeCharts(event.currentSlide); });
    },
  };
})();
