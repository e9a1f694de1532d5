"""English of what the explanations, worked examples and exported scripts write around the numbers.

Merged into :data:`model.messages.ENGLISH`, so each phrase is a
:class:`~model.messages.Message` code like any other and the GUI shows it in
the interface's language (``gui/model_text.py``).  Kept apart from the
engine's refusals because these are phrasing, not errors.

* ``ex_*``: the notes in parentheses after an inspector line
  (:mod:`model.explain_lines`), also used by the worked examples;
* ``wx_*``: headings and sentences of a worked example
  (:mod:`model.worked_example`);
* ``py_*``: comments and docstrings of the exported scripts
  (:mod:`model.exporters`).  Each is a whole comment as the script's template
  writes it (``$NAME`` are the template's own fields, kept by every
  translation); the exporter replaces it with its translation.
"""

from __future__ import annotations

EXPLAIN: dict[str, str] = {
    "ex_n_values": "N = {0} values",
    "ex_n_samples": "n = {0} samples",
    "ex_sample": "sample {0}",
    "ex_step_flat": "the step is flat: no gradient flows back through it",
    "ex_fused_bce": "fused form of sigmoid + binary cross-entropy",
    "ex_fused_ce": "fused form of softmax + cross-entropy",
    "ex_softmax_jacobian": "softmax Jacobian product",
    "ex_samples": "{0} samples",
    "ex_sample_alone": "sample {0} alone",
    "ex_at_update": "at the update",
    "ex_rule_at_update": "{0}, at the update",
    "ex_rule_lr": "{0}, lr = {1}",
    "ex_more_terms": "{0} more terms",
    "ex_see_rule": "see the optimizer's update rule",
}

WORKED: dict[str, str] = {
    "wx_title": "One training step, worked by hand",
    "wx_title_of": "One training step, worked by hand: {0}",
    "wx_network": "Network {0}; activations {1}; loss {2}; bias per layer: {3}.",
    "wx_on": "on",
    "wx_off": "off",
    "wx_optimizer": "Optimizer {0}: {1}.",
    "wx_weight_decay": "weight decay = {0}",
    "wx_batch_one": "Batch: 1 sample, dataset row {0}.",
    "wx_batch": "Batch: {0} samples, dataset rows {1}.",
    "wx_batch_cut": "Batch: {0} samples, dataset rows {1} (the first {2} are written out, the rest the same way).",
    "wx_input": "Input",
    "wx_input_sample": "Input, sample {0}",
    "wx_node": "node ({0}, {1})",
    "wx_node_sample": "node ({0}, {1}), sample {2}",
    "wx_output": "output {0}",
    "wx_output_sample": "output {0}, sample {1}",
    "wx_weights_too_many": "Weights {0} {1} {2}: {3} x {4} (too many to print).",
    "wx_weights": "Weights {0} {1} {2} (row i = from node i, column j = to node j):",
    "wx_weights_biases": "Weights {0} {1} {2} (row i = from node i, column j = to node j) and biases:",
    "wx_forward": "1. Forward pass",
    "wx_loss": "2. Loss",
    "wx_backward": "3. Backward pass: delta = dL/dz of every node",
    "wx_gradients": "4. Gradients",
    "wx_update": "5. Update",
    "wx_after": "After the step",
    "wx_layer_input": "Layer 0 (inputs)",
    "wx_layer_output": "Layer {0} (output, {1})",
    "wx_layer_hidden": "Layer {0} (hidden, {1})",
    "wx_more_nodes": "(and {0} more nodes, computed the same way)",
    "wx_weights_heading": "Weights {0} {1} {2}",
    "wx_rule": "Rule ({0}):",
    "wx_more_weights": "(and {0} more weights, the same way)",
    "wx_bias_of": "bias of node ({0}, {1})",
}

SCRIPT: dict[str, str] = {
    "py_title": "$TITLE: one training step in $FRAMEWORK, exported from Backprop Playground.",
    "py_network": "Network $ARCH, loss $LOSS_NAME, optimizer $OPTIMIZER_NAME (lr $LR).",
    "py_batch_rows": "The batch is the document's first training step (dataset rows $ROWS).",
    "py_usage_text": "every number, readably",
    "py_usage_json": "one JSON object: output, loss, dW, db, weights_after, biases_after",
    "py_activations": "ACTIVATIONS[k]: the activation of layer k+1",
    "py_bias": "BIAS[k]: does layer k+1 have a bias? (if not, its bias stays 0)",
    "py_weights": "WEIGHTS[k][i, j]: the weight from node i of layer k to node j of layer k+1.",
    "py_batch": "The batch: one row per sample; targets as floats (classes one-hot).",
    "py_weight_decay": "L2, added to the gradient as torch does: g + WEIGHT_DECAY * p",
    "py_l1": "L1, added the same way: g + L1 * sign(p)",
    "py_act_pairs": "Activations: f(z), and f'(z) given z and a = f(z).",
    "py_split_sign": "split by sign so exp never overflows",
    "py_softmax_not_elementwise": "not elementwise: see backprop_through",
    "py_backprop_through": "dL/dz from dL/da through the activation.",
    "py_softmax_jacobian": "J^T da with J = diag(a) - a a^T, row by row",
    "py_forward": "z[l] and a[l] for every layer l = 0..L (layer 0 is the input).",
    "py_loss_value": "The mean loss; bce and cross-entropy from the logits z, which stays finite.",
    "py_output_delta": "dL/dz of the output layer.",
    "py_fused_bce": "sigmoid + bce: dL/dy * sigmoid'(z) simplifies to (y - t) / N",
    "py_fused_ce": "softmax + cross-entropy: (y - t) / n",
    "py_mse": "mse: dL/dy",
    "py_backward": "dL/dW[k] and dL/db[k] for every layer, from the output back.",
    "py_dw_sum": "sum over the batch of a * delta",
    "py_da": "dL/da of layer k: sum of w * delta",
    "py_sgd": "SGD (momentum, nesterov): b = mu*b + (1 - dampening)*g (b = g at the first step).",
    "py_adagrad": "Adagrad: s += g^2; p -= lr_t * g / (sqrt(s) + eps), lr_t = LR / (1 + (t - 1) * lr_decay).",
    "py_rmsprop": (
        "RMSprop: v = alpha*v + (1 - alpha)*g^2; p -= LR * g / (sqrt(v) + eps) (centered, momentum optional)."
    ),
    "py_adam": "Adam: m = b1*m + (1 - b1)*g, v = b2*v + (1 - b2)*g^2, bias-corrected (amsgrad optional).",
    "py_optimizer_step": "New parameters after update number t (layers without a bias keep theirs).",
    "py_step_flat": "flat wherever it is differentiable: 0 * z keeps the graph, gradient 0",
    "py_one_hot": "targets are class probabilities (one-hot)",
    "py_torch_l1": "torch.optim has no L1 option: add L1 * sign(p) to the gradient, as the app does",
}
