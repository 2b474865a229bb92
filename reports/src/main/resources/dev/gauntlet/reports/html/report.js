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

  function pairs(values, t) {
    return (t || s.t).map(function (x, i) { return [x, values[i]]; });
  }

  function faultAreas() {
    var areas = [];
    if (data.warmup_s > 0) { // run, but judged by no metric: drawn, yet in no bucket and no SLO
      areas.push([{ name: 'warm-up (not judged)', xAxis: 0, itemStyle: { color: 'rgba(128, 128, 128, 0.15)' },
        label: { position: 'insideTop', fontSize: 10, color: '#666' } }, { xAxis: data.warmup_s }]);
    }
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

  function failoverLines() {
    return data.windows.filter(function (w) { return w.failover_s != null && w.failover_s > 0; }).map(function (w) {
      return {
        xAxis: Math.min(xMax, w.start_s + w.failover_s),
        lineStyle: { color: '#1565c0', type: 'solid', width: 1.5 },
        label: { formatter: 'failed over +' + round(w.failover_s, 1) + ' s', position: 'insideEndBottom',
          fontSize: 10, color: '#1565c0' }
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
        type: 'line', name: title, data: pairs(values, opts.t), showSymbol: !!opts.t, symbolSize: 5,
        connectNulls: false, lineStyle: { width: 1.6, color: opts.color }, itemStyle: { color: opts.color },
        markArea: { silent: true, data: faultAreas(),
          label: { position: 'insideTop', fontSize: 10, color: '#a61b1b' } },
        markLine: { silent: true, symbol: 'none', precision: 6,
          data: boundLines(opts.metric, recoveryLines().concat(failoverLines(), opts.lines || [])) }
      }].concat(opts.band ? band(opts) : [])
    });
    charts.push(chart);
  }

  /**
   * A shaded interval around a line: one polygon per run of points that have both ends (stacked areas would be
   * simpler, but ECharts stacks value-axis lines by index, not by x).
   */
  function band(opts) {
    var t = opts.t;
    var low = opts.band.low;
    var high = opts.band.high;
    return [{
      type: 'custom', name: '95% CI', silent: true, data: t.length ? [[t[0], 0]] : [], z: 1,
      tooltip: { show: false },
      renderItem: function (params, api) {
        var polygons = [];
        var run = [];
        for (var i = 0; i <= t.length; i++) {
          if (i < t.length && low[i] != null && high[i] != null) {
            run.push(i);
            continue;
          }
          if (run.length) {
            var points = run.map(function (k) { return api.coord([t[k], high[k]]); })
              .concat(run.slice().reverse().map(function (k) { return api.coord([t[k], low[k]]); }));
            polygons.push({ type: 'polygon', shape: { points: points },
              style: { fill: opts.color, opacity: 0.18, stroke: null } });
          }
          run = [];
        }
        return { type: 'group', children: polygons };
      }
    }];
  }

  /** The metrics per time bucket, each point at its bucket's middle. */
  function buckets(b) {
    var t = b.t;
    line('chart-bucket-success', 'success rate', b.success_rate,
      { t: t, metric: 'success_rate', fmt: percent, color: '#54a24b', min: 0, max: 1 });
    line('chart-bucket-accuracy', 'accuracy (shaded: 95% Wilson interval)', b.accuracy,
      { t: t, metric: 'accuracy', fmt: percent, color: '#b279a2', min: 0, max: 1,
        band: { low: b.accuracy_ci_low, high: b.accuracy_ci_high },
        emptyText: data.scored ? 'no answer was scored' : 'not scored: the report was written without the dataset' });
    line('chart-bucket-p95', 'p95 latency', b.latency_p95,
      { t: t, metric: 'latency.p95', fmt: seconds, color: '#f58518', min: 0 });
    line('chart-bucket-cost', 'cost per task (USD)', b.cost_per_task,
      { t: t, metric: 'cost.per_task', fmt: usd, color: '#9d755d', min: 0 });
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

  function gib(v) { return v == null ? 'n/a' : round(v / 1024, 2) + ' GiB'; }

  function rate(f) {
    return round(f.mb_per_inference, 2) + ' MB/inference (' + round(f.confidence * 100, 0) + '% CI '
      + round(f.ci_low, 2) + ' to ' + round(f.ci_high, 2) + ')';
  }

  function leakLabel(m) {
    var whole = m.fit ? rate(m.fit) : 'leak rate n/a';
    return m.source + ' · ' + whole + (m.fit_during_faults ? '; during faults ' + rate(m.fit_during_faults) : '');
  }

  /** Used memory per source with its capacity (dashed), restarts as vertical lines, fault windows shaded. */
  function memory(m) {
    var PALETTE = ['#4c78a8', '#e45756', '#54a24b', '#b279a2', '#f58518', '#9d755d'];
    var last = 0;
    var top = 0;
    var bottom = Infinity;
    var series = [];
    m.sources.forEach(function (src, i) {
      var color = PALETTE[i % PALETTE.length];
      var name = leakLabel(src);
      last = Math.max(last, src.t.length ? src.t[src.t.length - 1] : 0);
      src.used_mb.concat(src.total_mb).forEach(function (v) { if (v != null) { top = Math.max(top, v); } });
      src.used_mb.forEach(function (v) { if (v != null) { bottom = Math.min(bottom, v); } });
      var restarts = src.restarts_s.map(function (t) {
        return { xAxis: t, lineStyle: { color: color, type: 'solid', width: 1 },
          label: { formatter: 'restart', position: 'insideEndTop', fontSize: 10, color: color } };
      });
      series.push({
        type: 'line', name: name, showSymbol: false, sampling: 'lttb', lineStyle: { width: 1.6, color: color },
        itemStyle: { color: color }, data: src.t.map(function (t, k) { return [t, src.used_mb[k]]; }),
        markLine: { silent: true, symbol: 'none', data: restarts },
        markArea: i === 0 ? { silent: true, data: faultAreas(),
          label: { position: 'insideTop', fontSize: 10, color: '#a61b1b' } } : undefined
      });
      series.push({
        type: 'line', name: src.source + ' capacity', showSymbol: false, step: 'end',
        lineStyle: { width: 1.2, type: 'dashed', color: color }, itemStyle: { color: color },
        data: src.t.map(function (t, k) { return [t, src.total_mb[k]]; })
      });
    });
    // The axis spans the data (a leak of a few GiB on an 80 GiB card would be a flat line from 0), in ticks of a
    // power of two GiB, at most six of them.
    bottom = bottom === Infinity ? 0 : bottom;
    var step = 1;
    while ((top - bottom) / 1024 / step > 6) {
      step *= 2;
    }
    var low = Math.floor(bottom / 1024 / step) * step * 1024;
    var chart = echarts.init(document.getElementById('chart-memory'), null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      title: { text: 'used memory', left: 0, top: 0, textStyle: { fontSize: 13, fontWeight: 600 } },
      legend: { top: 22, left: 0, textStyle: { fontSize: 11 } },
      grid: { left: 72, right: 28, top: 60, bottom: 26 },
      tooltip: { trigger: 'axis', valueFormatter: gib },
      xAxis: { type: 'value', min: 0, max: Math.max(xMax, last, 1), axisLabel: { formatter: clock },
        splitLine: { show: false } },
      yAxis: { type: 'value', min: low, max: top > 0 ? Math.ceil(top * 1.02 / 1024 / step) * step * 1024 : null,
        interval: step * 1024, axisLabel: { formatter: gib } },
      series: series
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
  buckets(data.buckets);
  echarts.connect(charts.slice(6, 10));
  if (data.memory && document.getElementById('chart-memory')) {
    memory(data.memory);
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  var drawn = Array.prototype.filter.call(document.querySelectorAll('.chart'), function (el) {
    return el.querySelector('svg path') !== null;
  }).length;
  document.body.setAttribute('data-charts-drawn', String(drawn));
}());
