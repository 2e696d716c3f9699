// Draws the dashboard's charts. Each <canvas data-chart="ID"> reads its figures from <script type="application/json"
// id="ID">, written by the server; the same figures are in the table next to it.
(function () {
  'use strict';

  var COLORS = {
    median: { fill: 'rgba(29, 78, 137, 0.85)', line: '#1d4e89' },
    p90: { fill: 'rgba(242, 177, 52, 0.85)', line: '#c98a10' }
  };

  function draw(canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source || typeof window.Chart === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var horizontal = data.labels.length > 8;
    var unit = document.documentElement.lang.indexOf('zh') === 0 ? ' 天' : ' days';
    var chart = new window.Chart(canvas, {
      type: 'bar',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (series) {
          var color = COLORS[series.key] || COLORS.median;
          return {
            label: series.label,
            data: series.data,
            backgroundColor: color.fill,
            borderColor: color.line,
            borderWidth: 1,
            maxBarThickness: 56
          };
        })
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { position: 'bottom' },
          tooltip: {
            callbacks: {
              label: function (item) {
                var value = item.raw === null ? '—' : item.raw + unit;
                return item.dataset.label + ': ' + value;
              }
            }
          }
        },
        scales: horizontal
          ? { x: { beginAtZero: true, title: { display: true, text: unit.trim() } } }
          : { y: { beginAtZero: true, title: { display: true, text: unit.trim() } } }
      }
    });
    canvas.setAttribute('data-rendered', String(chart.data.datasets.length));
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  });
})();
