/* Gauntlet report.html: draws the charts from the JSON block #gauntlet-data with Apache ECharts. */
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('gauntlet-data').textContent);
  var s = data.series;
  var FAULT = 'rgba(214, 39, 40, 0.15)';
  var RECOVERY = 'rgba(255, 152, 0, 0.22)';
  var BOUND = '#6c757d';
  var lastT = s.t.length ? s.t[s.t.length - 1] : 0;
  var xMax = Math.max(data.duration_s || 0, lastT, 1);
  var charts = [];

  function clock(sec) {
    sec = Math.max(0, Math.round(sec));
    return Math.floor(sec / 60) + ':' + String(sec % 60).padStart(2, '0');
  }

  function round(v, digits) {
    return v == null ? 'n/a' : Number(v.toFixed(digits)).toString();
  }

  function pairs(values) {
    return s.t.map(function (t, i) { return [t, values[i]]; });
  }

  function faultAreas() {
    var areas = [];
    data.windows.forEach(function (w) {
      areas.push([{ name: w.fault, xAxis: w.start_s, itemStyle: { color: FAULT } }, { xAxis: w.end_s }]);
      if (w.recovery_s > 0) {
        areas.push([{ xAxis: w.end_s, itemStyle: { color: RECOVERY } },
          { xAxis: Math.min(xMax, w.end_s + w.recovery_s) }]);
      }
    });
    return areas;
  }

  function recoveryLines() {
    return data.windows.filter(function (w) { return w.recovery_s != null; }).map(function (w) {
      var recovered = w.recovery === 'recovered';
      return {
        xAxis: Math.min(xMax, w.end_s + w.recovery_s),
        lineStyle: { color: recovered ? '#2e7d32' : '#d62728', type: 'solid', width: 1.5 },
        label: { formatter: recovered ? 'recovered +' + round(w.recovery_s, 1) + ' s' : 'not recovered',
          position: 'insideEndTop', fontSize: 10, color: recovered ? '#2e7d32' : '#d62728' }
      };
    });
  }

  function boundLines(metric, extra) {
    var lines = [];
    var bound = data.bounds[metric];
    if (bound) {
      ['min', 'max'].forEach(function (k) {
        if (bound[k] != null) {
          lines.push({ yAxis: bound[k], lineStyle: { color: BOUND, type: 'dashed' },
            label: { formatter: 'SLO ' + k + ' ' + bound[k], position: 'insideStartTop', fontSize: 10,
              color: BOUND } });
        }
      });
    }
    return lines.concat(extra || []);
  }

  function line(id, title, values, opts) {
    var chart = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    var empty = !values.some(function (v) { return v != null; });
    chart.setOption({
      animation: false,
      title: { text: title, subtext: empty ? opts.emptyText || 'no data' : '', left: 0, top: 0,
        textStyle: { fontSize: 13, fontWeight: 600 }, subtextStyle: { fontSize: 11 } },
      grid: { left: 64, right: 28, top: 34, bottom: 26 },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return opts.fmt(v); } },
      xAxis: { type: 'value', min: 0, max: xMax, axisLabel: { formatter: clock }, splitLine: { show: false } },
      yAxis: { type: 'value', min: opts.min, max: opts.max, axisLabel: { formatter: opts.fmt } },
      series: [{
        type: 'line', name: title, data: pairs(values), showSymbol: false, connectNulls: false,
        lineStyle: { width: 1.6, color: opts.color }, itemStyle: { color: opts.color },
        markArea: { silent: true, data: faultAreas(),
          label: { position: 'insideTop', fontSize: 10, color: '#a61b1b' } },
        markLine: { silent: true, symbol: 'none',
          data: boundLines(opts.metric, recoveryLines().concat(opts.lines || [])) }
      }]
    });
    charts.push(chart);
  }

  function histogram() {
    var h = data.histogram;
    var labels = h.outside.map(function (_, i) {
      var from = i * h.width_ms;
      return i === h.outside.length - 1 ? '≥ ' + from + ' ms' : from + '–' + (from + h.width_ms) + ' ms';
    });
    var chart = echarts.init(document.getElementById('chart-histogram'), null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      title: { text: 'tasks by latency', subtext: labels.length ? '' : 'no successful task', left: 0,
        textStyle: { fontSize: 13, fontWeight: 600 } },
      legend: { top: 0, right: 0 },
      grid: { left: 64, right: 28, top: 34, bottom: 60 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { rotate: 35, fontSize: 10 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: 'outside faults', stack: 'all', data: h.outside, itemStyle: { color: '#4c78a8' } },
        { type: 'bar', name: 'during faults', stack: 'all', data: h.during, itemStyle: { color: '#e45756' } }
      ]
    });
    charts.push(chart);
  }

  function percent(v) { return v == null ? 'n/a' : round(v * 100, 1) + '%'; }
  function seconds(v) { return v == null ? 'n/a' : round(v, 3) + ' s'; }
  function perSecond(v) { return v == null ? 'n/a' : round(v, 1) + '/s'; }
  function usd(v) { return v == null ? 'n/a' : '$' + round(v, 5); }

  var target = data.target_rate == null ? [] : [{ yAxis: data.target_rate,
    lineStyle: { color: BOUND, type: 'dotted' },
    label: { formatter: 'target ' + round(data.target_rate, 1) + '/s', position: 'insideEndTop', fontSize: 10,
      color: BOUND } }];
  line('chart-throughput', 'throughput (tasks finished per second)', s.throughput,
    { metric: 'throughput', fmt: perSecond, color: '#4c78a8', min: 0, lines: target });
  line('chart-success', 'success rate', s.success_rate,
    { metric: 'success_rate', fmt: percent, color: '#54a24b', min: 0, max: 1 });
  line('chart-p95', 'p95 latency', s.p95, { metric: 'latency.p95', fmt: seconds, color: '#f58518', min: 0 });
  line('chart-accuracy', 'accuracy', s.accuracy, { metric: 'accuracy', fmt: percent, color: '#b279a2', min: 0, max: 1,
    emptyText: data.scored ? 'no answer was scored' : 'not scored: the report was written without the dataset' });
  line('chart-cost', 'spend (USD per minute)', s.cost, { metric: 'cost', fmt: usd, color: '#9d755d', min: 0 });
  histogram();
  echarts.connect(charts.slice(0, 5));
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  var drawn = Array.prototype.filter.call(document.querySelectorAll('.chart'), function (el) {
    return el.querySelector('svg path') !== null;
  }).length;
  document.body.setAttribute('data-charts-drawn', String(drawn));
}());
