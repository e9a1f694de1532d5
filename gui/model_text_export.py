"""The templates of the model's phrasing (model/messages_export.py): explanations, worked examples, script comments.

Part of :data:`gui.model_text.MESSAGES` (the same codes, %1 … for {0} …); kept apart so that module stays about
what the engine refuses and why training stops.  A script comment's template keeps the script's ``$NAME`` fields.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

MESSAGES: dict[str, str] = {
    # explanations' notes (model/explain_lines.py)
    "ex_n_values": QT_TRANSLATE_NOOP("ModelText", "N = %1 values"),
    "ex_n_samples": QT_TRANSLATE_NOOP("ModelText", "n = %1 samples"),
    "ex_sample": QT_TRANSLATE_NOOP("ModelText", "sample %1"),
    "ex_step_flat": QT_TRANSLATE_NOOP("ModelText", "the step is flat: no gradient flows back through it"),
    "ex_fused_bce": QT_TRANSLATE_NOOP("ModelText", "fused form of sigmoid + binary cross-entropy"),
    "ex_fused_ce": QT_TRANSLATE_NOOP("ModelText", "fused form of softmax + cross-entropy"),
    "ex_softmax_jacobian": QT_TRANSLATE_NOOP("ModelText", "softmax Jacobian product"),
    "ex_samples": QT_TRANSLATE_NOOP("ModelText", "%1 samples"),
    "ex_sample_alone": QT_TRANSLATE_NOOP("ModelText", "sample %1 alone"),
    "ex_at_update": QT_TRANSLATE_NOOP("ModelText", "at the update"),
    "ex_rule_at_update": QT_TRANSLATE_NOOP("ModelText", "%1, at the update"),
    "ex_rule_lr": QT_TRANSLATE_NOOP("ModelText", "%1, lr = %2"),
    "ex_more_terms": QT_TRANSLATE_NOOP("ModelText", "%1 more terms"),
    "ex_see_rule": QT_TRANSLATE_NOOP("ModelText", "see the optimizer's update rule"),
    # worked examples (model/worked_example.py)
    "wx_title": QT_TRANSLATE_NOOP("ModelText", "One training step, worked by hand"),
    "wx_title_of": QT_TRANSLATE_NOOP("ModelText", "One training step, worked by hand: %1"),
    "wx_network": QT_TRANSLATE_NOOP("ModelText", "Network %1; activations %2; loss %3; bias per layer: %4."),
    "wx_on": QT_TRANSLATE_NOOP("ModelText", "on"),
    "wx_off": QT_TRANSLATE_NOOP("ModelText", "off"),
    "wx_optimizer": QT_TRANSLATE_NOOP("ModelText", "Optimizer %1: %2."),
    "wx_weight_decay": QT_TRANSLATE_NOOP("ModelText", "weight decay = %1"),
    "wx_batch_one": QT_TRANSLATE_NOOP("ModelText", "Batch: 1 sample, dataset row %1."),
    "wx_batch": QT_TRANSLATE_NOOP("ModelText", "Batch: %1 samples, dataset rows %2."),
    "wx_batch_cut": QT_TRANSLATE_NOOP(
        "ModelText", "Batch: %1 samples, dataset rows %2 (the first %3 are written out, the rest the same way)."
    ),
    "wx_input": QT_TRANSLATE_NOOP("ModelText", "Input"),
    "wx_input_sample": QT_TRANSLATE_NOOP("ModelText", "Input, sample %1"),
    "wx_node": QT_TRANSLATE_NOOP("ModelText", "node (%1, %2)"),
    "wx_node_sample": QT_TRANSLATE_NOOP("ModelText", "node (%1, %2), sample %3"),
    "wx_output": QT_TRANSLATE_NOOP("ModelText", "output %1"),
    "wx_output_sample": QT_TRANSLATE_NOOP("ModelText", "output %1, sample %2"),
    "wx_weights_too_many": QT_TRANSLATE_NOOP("ModelText", "Weights %1 %2 %3: %4 x %5 (too many to print)."),
    "wx_weights": QT_TRANSLATE_NOOP("ModelText", "Weights %1 %2 %3 (row i = from node i, column j = to node j):"),
    "wx_weights_biases": QT_TRANSLATE_NOOP(
        "ModelText", "Weights %1 %2 %3 (row i = from node i, column j = to node j) and biases:"
    ),
    "wx_forward": QT_TRANSLATE_NOOP("ModelText", "1. Forward pass"),
    "wx_loss": QT_TRANSLATE_NOOP("ModelText", "2. Loss"),
    "wx_backward": QT_TRANSLATE_NOOP("ModelText", "3. Backward pass: delta = dL/dz of every node"),
    "wx_gradients": QT_TRANSLATE_NOOP("ModelText", "4. Gradients"),
    "wx_update": QT_TRANSLATE_NOOP("ModelText", "5. Update"),
    "wx_after": QT_TRANSLATE_NOOP("ModelText", "After the step"),
    "wx_layer_input": QT_TRANSLATE_NOOP("ModelText", "Layer 0 (inputs)"),
    "wx_layer_output": QT_TRANSLATE_NOOP("ModelText", "Layer %1 (output, %2)"),
    "wx_layer_hidden": QT_TRANSLATE_NOOP("ModelText", "Layer %1 (hidden, %2)"),
    "wx_more_nodes": QT_TRANSLATE_NOOP("ModelText", "(and %1 more nodes, computed the same way)"),
    "wx_weights_heading": QT_TRANSLATE_NOOP("ModelText", "Weights %1 %2 %3"),
    "wx_rule": QT_TRANSLATE_NOOP("ModelText", "Rule (%1):"),
    "wx_more_weights": QT_TRANSLATE_NOOP("ModelText", "(and %1 more weights, the same way)"),
    "wx_bias_of": QT_TRANSLATE_NOOP("ModelText", "bias of node (%1, %2)"),
    # exported scripts' comments (model/exporters.py)
    "py_title": QT_TRANSLATE_NOOP(
        "ModelText", "$TITLE: one training step in $FRAMEWORK, exported from Backprop Playground."
    ),
    "py_network": QT_TRANSLATE_NOOP("ModelText", "Network $ARCH, loss $LOSS_NAME, optimizer $OPTIMIZER_NAME (lr $LR)."),
    "py_batch_rows": QT_TRANSLATE_NOOP(
        "ModelText", "The batch is the document's first training step (dataset rows $ROWS)."
    ),
    "py_usage_text": QT_TRANSLATE_NOOP("ModelText", "every number, readably"),
    "py_usage_json": QT_TRANSLATE_NOOP(
        "ModelText", "one JSON object: output, loss, dW, db, weights_after, biases_after"
    ),
    "py_activations": QT_TRANSLATE_NOOP("ModelText", "ACTIVATIONS[k]: the activation of layer k+1"),
    "py_bias": QT_TRANSLATE_NOOP("ModelText", "BIAS[k]: does layer k+1 have a bias? (if not, its bias stays 0)"),
    "py_weights": QT_TRANSLATE_NOOP(
        "ModelText", "WEIGHTS[k][i, j]: the weight from node i of layer k to node j of layer k+1."
    ),
    "py_batch": QT_TRANSLATE_NOOP("ModelText", "The batch: one row per sample; targets as floats (classes one-hot)."),
    "py_weight_decay": QT_TRANSLATE_NOOP("ModelText", "L2, added to the gradient as torch does: g + WEIGHT_DECAY * p"),
    "py_l1": QT_TRANSLATE_NOOP("ModelText", "L1, added the same way: g + L1 * sign(p)"),
    "py_act_pairs": QT_TRANSLATE_NOOP("ModelText", "Activations: f(z), and f'(z) given z and a = f(z)."),
    "py_split_sign": QT_TRANSLATE_NOOP("ModelText", "split by sign so exp never overflows"),
    "py_softmax_not_elementwise": QT_TRANSLATE_NOOP("ModelText", "not elementwise: see backprop_through"),
    "py_backprop_through": QT_TRANSLATE_NOOP("ModelText", "dL/dz from dL/da through the activation."),
    "py_softmax_jacobian": QT_TRANSLATE_NOOP("ModelText", "J^T da with J = diag(a) - a a^T, row by row"),
    "py_forward": QT_TRANSLATE_NOOP("ModelText", "z[l] and a[l] for every layer l = 0..L (layer 0 is the input)."),
    "py_loss_value": QT_TRANSLATE_NOOP(
        "ModelText", "The mean loss; bce and cross-entropy from the logits z, which stays finite."
    ),
    "py_output_delta": QT_TRANSLATE_NOOP("ModelText", "dL/dz of the output layer."),
    "py_fused_bce": QT_TRANSLATE_NOOP("ModelText", "sigmoid + bce: dL/dy * sigmoid'(z) simplifies to (y - t) / N"),
    "py_fused_ce": QT_TRANSLATE_NOOP("ModelText", "softmax + cross-entropy: (y - t) / n"),
    "py_mse": QT_TRANSLATE_NOOP("ModelText", "mse: dL/dy"),
    "py_backward": QT_TRANSLATE_NOOP("ModelText", "dL/dW[k] and dL/db[k] for every layer, from the output back."),
    "py_dw_sum": QT_TRANSLATE_NOOP("ModelText", "sum over the batch of a * delta"),
    "py_da": QT_TRANSLATE_NOOP("ModelText", "dL/da of layer k: sum of w * delta"),
    "py_sgd": QT_TRANSLATE_NOOP(
        "ModelText", "SGD (momentum, nesterov): b = mu*b + (1 - dampening)*g (b = g at the first step)."
    ),
    "py_adagrad": QT_TRANSLATE_NOOP(
        "ModelText", "Adagrad: s += g^2; p -= lr_t * g / (sqrt(s) + eps), lr_t = LR / (1 + (t - 1) * lr_decay)."
    ),
    "py_rmsprop": QT_TRANSLATE_NOOP(
        "ModelText",
        "RMSprop: v = alpha*v + (1 - alpha)*g^2; p -= LR * g / (sqrt(v) + eps) (centered, momentum optional).",
    ),
    "py_adam": QT_TRANSLATE_NOOP(
        "ModelText", "Adam: m = b1*m + (1 - b1)*g, v = b2*v + (1 - b2)*g^2, bias-corrected (amsgrad optional)."
    ),
    "py_optimizer_step": QT_TRANSLATE_NOOP(
        "ModelText", "New parameters after update number t (layers without a bias keep theirs)."
    ),
    "py_step_flat": QT_TRANSLATE_NOOP(
        "ModelText", "flat wherever it is differentiable: 0 * z keeps the graph, gradient 0"
    ),
    "py_one_hot": QT_TRANSLATE_NOOP("ModelText", "targets are class probabilities (one-hot)"),
    "py_torch_l1": QT_TRANSLATE_NOOP(
        "ModelText", "torch.optim has no L1 option: add L1 * sign(p) to the gradient, as the app does"
    ),
}
