/* ITP evidence knowledge base: the citation network page (/-/network), drawn with cytoscape.js.
 *
 * Data: /-/network.json (cytoscape.js elements). Every text from the data reaches the page through
 * textContent or cytoscape's canvas labels, never through innerHTML.
 */
(function () {
  "use strict";

  var PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
                 "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#8c6d31", "#843c39"];
  var NONE = "#b0b7c3";
  var container = document.getElementById("network");
  var status = document.getElementById("network-status");
  var colourSelect = document.getElementById("network-colour");
  var interventionSelect = document.getElementById("network-intervention");
  var legend = document.getElementById("network-legend");
  var details = document.getElementById("network-details");

  function firstValue(value) {
    return (value || "").split("; ")[0];
  }

  function setStatus(text) {
    status.textContent = text;
  }

  function colourMap(nodes, attribute) {
    var values = [];
    nodes.forEach(function (n) {
      var v = firstValue(n.data[attribute]);
      if (v && values.indexOf(v) < 0) { values.push(v); }
    });
    values.sort();
    var map = {};
    values.forEach(function (v, i) { map[v] = PALETTE[i % PALETTE.length]; });
    return map;
  }

  function drawLegend(map, label) {
    legend.replaceChildren();
    var keys = Object.keys(map);
    var entries = keys.length ? keys.map(function (k) { return [k, map[k]]; }) : [];
    entries.push(["no " + label + " yet", NONE]);
    entries.forEach(function (entry) {
      var item = document.createElement("span");
      var swatch = document.createElement("span");
      swatch.className = "swatch";
      swatch.style.background = entry[1];
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(entry[0]));
      legend.appendChild(item);
    });
  }

  function showDetails(node) {
    details.replaceChildren();
    if (!node) { return; }
    var d = node.data();
    var strong = document.createElement("strong");
    strong.textContent = d.label;
    details.appendChild(strong);
    var parts = [d.title, d.journal, d.year ? String(d.year) : "", d.design,
                 d.intervention_classes, "cited by " + d.times_cited];
    details.appendChild(document.createTextNode(" — " + parts.filter(Boolean).join(" · ")));
  }

  function render(data) {
    var nodes = data.elements.nodes;
    var maxCited = 1;
    nodes.forEach(function (n) { maxCited = Math.max(maxCited, n.data.times_cited); });
    (data.interventions || []).forEach(function (i) {
      var option = document.createElement("option");
      option.value = i.id;
      option.textContent = i.label;
      interventionSelect.appendChild(option);
    });
    interventionSelect.disabled = !(data.interventions || []).length;

    var cy = cytoscape({
      container: container,
      elements: data.elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          "label": "data(label)", "font-size": 9, "text-valign": "bottom", "color": "#333",
          "background-color": "data(colour)",
          "width": function (n) { return 12 + 40 * Math.sqrt(n.data("times_cited") / maxCited); },
          "height": function (n) { return 12 + 40 * Math.sqrt(n.data("times_cited") / maxCited); }
        } },
        { selector: "node[kind = 'document']", style: { "shape": "round-rectangle", "width": 28,
          "height": 28, "background-color": "#6e7781" } },
        { selector: "edge", style: { "width": 1, "line-color": "#c8ccd2", "target-arrow-color": "#c8ccd2",
          "target-arrow-shape": "triangle", "curve-style": "haystack", "arrow-scale": 0.6 } },
        { selector: ".hidden", style: { "display": "none" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#000" } }
      ],
      layout: { name: nodes.length <= 800 ? "cose" : "concentric", animate: false, randomize: false,
                concentric: function (n) { return n.data("times_cited"); } }
    });

    function recolour() {
      var attribute = colourSelect.value;
      var map = colourMap(nodes, attribute);
      cy.nodes().forEach(function (n) {
        n.data("colour", map[firstValue(n.data(attribute))] || NONE);
      });
      drawLegend(map, attribute === "design" ? "design" : "intervention class");
    }

    function filter() {
      var wanted = interventionSelect.value;
      cy.batch(function () {
        cy.nodes().forEach(function (n) {
          var has = (n.data("interventions") || "").split("; ").indexOf(wanted) >= 0;
          n.toggleClass("hidden", Boolean(wanted) && !has);
        });
      });
      var shown = cy.nodes().not(".hidden").length;
      setStatus(shown + " of " + data.total_nodes + " nodes shown" +
                (data.shown_nodes < data.total_nodes ? " (the " + data.shown_nodes + " most cited drawn)" : ""));
    }

    recolour();
    filter();
    colourSelect.addEventListener("change", recolour);
    interventionSelect.addEventListener("change", filter);
    cy.on("mouseover", "node", function (event) { showDetails(event.target); });
    cy.on("tap", "node", function (event) {
      var href = event.target.data("href");
      if (href) { window.location.assign(href); }
    });
    window.kbNetwork = cy;
    container.dataset.ready = "1";
  }

  fetch(container.dataset.jsonUrl, { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (data) {
      if (!data.ok) { throw new Error(data.error || "the network data could not be read"); }
      render(data);
    })
    .catch(function (error) {
      setStatus("Error: " + error.message);
      container.dataset.ready = "error";
    });
})();
