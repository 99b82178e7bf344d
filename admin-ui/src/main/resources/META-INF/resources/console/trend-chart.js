/*
 * The dashboard's trend chart (p:chart extender): the 95% band once in the legend (its lower edge is not
 * listed on its own), and each marker's label written above its triangle and in its tooltip.
 */
window.resonanceTrendChart = function () {
    var config = this.cfg.config;
    var options = config.options = config.options || {};
    options.plugins = options.plugins || {};
    options.plugins.legend = options.plugins.legend || {};
    options.plugins.legend.labels = {
        filter: function (item) {
            return item.datasetIndex !== 1;
        }
    };
    options.plugins.tooltip = {
        callbacks: {
            afterLabel: function (context) {
                var labels = context.dataset.markerLabels;
                return labels && labels[context.dataIndex] ? labels[context.dataIndex] : '';
            }
        }
    };
    options.layout = { padding: { top: 18 } };
    config.plugins = (config.plugins || []).concat([{
        id: 'resonanceMarkerLabels',
        afterDatasetsDraw: function (chart) {
            var index = chart.data.datasets.length - 1;
            var set = chart.data.datasets[index];
            if (!set || !set.markerLabels || !chart.isDatasetVisible(index)) {
                return;
            }
            var ctx = chart.ctx;
            ctx.save();
            ctx.font = '12px system-ui, sans-serif';
            ctx.fillStyle = '#7a2e06';
            ctx.textAlign = 'center';
            chart.getDatasetMeta(index).data.forEach(function (point, i) {
                var text = set.markerLabels[i];
                if (text && set.data[i] !== null) {
                    ctx.fillText(text, point.x, point.y - 14);
                }
            });
            ctx.restore();
        }
    }]);
};
