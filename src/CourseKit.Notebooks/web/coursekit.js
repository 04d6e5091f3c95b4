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

  // Fits a slide to reveal.js's box: charts share the height the rest leaves free (never below
  // MIN_CHART), and a slide that still does not fit is scaled down as a whole.
  var MIN_CHART = 240;
  function fit(slide) {
    if (!slide) return;
    var body = slide.querySelector(':scope > .slide-body');
    if (!body) return;
    var config = Reveal.getConfig();
    var width = config.width, height = config.height;
    var charts = body.querySelectorAll('.coursekit-chart');
    body.style.transform = '';
    body.style.width = '';
    charts.forEach(function (chart) { chart.style.height = '0px'; });
    var free = height - body.scrollHeight - 8 * charts.length;
    var each = charts.length ? Math.min(height * 0.8, Math.max(MIN_CHART, Math.floor(free / charts.length))) : 0;
    charts.forEach(function (chart) { chart.style.height = each + 'px'; });
    var scale = Math.min(1, height / Math.max(1, body.scrollHeight), width / Math.max(1, body.scrollWidth));
    if (scale < 1) {
      body.style.transform = 'scale(' + scale + ')';
      body.style.width = (width / scale) + 'px';
      // Wider at the smaller scale, the text reflows: measure again so the scale covers the new height.
      scale = 0.98 * Math.min(scale, height / Math.max(1, body.scrollHeight));
      body.style.transform = 'scale(' + scale + ')';
    }
    resizeCharts(slide);
  }

  // Key C or the code button: the current slide's code over the slide (the slide's layout never changes).
  function toggleCode() {
    var overlay = document.getElementById('coursekit-code');
    if (overlay.classList.contains('open')) { overlay.classList.remove('open'); overlay.innerHTML = ''; return; }
    var code = Reveal.getCurrentSlide().querySelectorAll('pre.input');
    if (!code.length) return;
    code.forEach(function (pre) { var copy = pre.cloneNode(true); copy.classList.remove('folded'); overlay.appendChild(copy); });
    overlay.classList.add('open');
  }

  function codeButtons() {
    document.querySelectorAll('.reveal .slides section > .slide-body').forEach(function (body) {
      if (!body.querySelector('pre.input.folded')) return;
      var button = document.createElement('button');
      button.className = 'code-button';
      button.title = 'Show the code (C)';
      button.textContent = '{ } code';
      button.addEventListener('click', toggleCode);
      body.parentElement.appendChild(button);
    });
    var overlay = document.createElement('div');
    overlay.id = 'coursekit-code';
    overlay.addEventListener('click', function (event) { if (event.target === overlay) toggleCode(); });
    document.body.appendChild(overlay);
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
      codeButtons();
      // 16:9, scaled by reveal.js to the screen (a 4:3 projector letterboxes it).
      Reveal.initialize({
        hash: true,
        width: 1280,
        height: 720,
        margin: 0.04,
        center: false,
        plugins: [RevealNotes],
      });
      Reveal.addKeyBinding({ keyCode: 67, key: 'C', description: 'Show or hide the code' }, toggleCode);
      // A chart drawn on a slide not yet shown has no size: fit the slide when it appears.
      Reveal.on('ready', function (event) { fit(event.currentSlide); });
      Reveal.on('slidechanged', function (event) { fit(event.currentSlide); });
      Reveal.on('resize', function () { fit(Reveal.getCurrentSlide()); });
      // Opening folded output or claims changes the height: fit again.
      document.querySelectorAll('.reveal details').forEach(function (details) {
        details.addEventListener('toggle', function () { fit(details.closest('section')); });
      });
    },
  };
})();
