"""Exports of a document's first training step: runnable scripts and worked examples.

* :func:`numpy_script` and :func:`pytorch_script` write standalone Python
  scripts that embed the network (weights, biases, activations, bias flags,
  loss), the batch of the document's first step (the rows a fresh
  ``Trainer(doc.network, doc.dataset, doc.training).peek_batch()`` gives) and
  the optimizer with its hyperparameters.  Each recomputes the forward pass,
  the loss, every dW/db and the parameters after one update, prints them,
  and with ``--json`` prints one JSON object with the keys ``output``,
  ``loss``, ``dW``, ``db``, ``weights_after`` and ``biases_after``.  The numpy
  script spells out the optimizer's rule by hand; the PyTorch one uses
  autograd and ``torch.optim``, so it is an independent check of the engine.
* :func:`markdown` and :func:`latex` write that step as a worked example
  (see :mod:`model.explain`).

Every function takes ``say`` (a :data:`model.messages.Say`): the words of a
worked example and the comments of a script are Message codes
(:mod:`model.messages_export`), English by default and in the interface's
language when the GUI passes its translator.  The code and the numbers are
the same in every language.

Nothing here changes the document: every computation runs on a copy.
"""

from __future__ import annotations

import copy
from string import Template
from typing import Any

import numpy as np

from . import explain
from .document import Document
from .messages import ENGLISH, Message, Say
from .messages_export import SCRIPT
from .optimizers import OPTIMIZERS, Optimizer
from .stepper import Stepper, StepView
from .trainer import Trainer

Array = np.ndarray

#: torch.optim class for each engine optimizer (momentum and nesterov are SGD with options).
TORCH_OPTIMIZERS = {
    "sgd": "SGD",
    "momentum": "SGD",
    "nesterov": "SGD",
    "adagrad": "Adagrad",
    "rmsprop": "RMSprop",
    "adam": "Adam",
}


def first_step(doc: Document) -> tuple[Document, StepView, Optimizer]:
    """Run the document's first training step on a copy, phase by phase.

    Returns the copy (its network now holds the parameters after the step),
    the finished :class:`StepView`, and the optimizer as it was when the step
    began (its lr is the one the step used, even if a schedule changes it
    after the epoch).  Raises ValueError if the step cannot run.
    """
    work = doc.copy()
    trainer = Trainer(work.network, work.dataset, work.training)
    optimizer = copy.deepcopy(trainer.optimizer)
    stepper = Stepper(trainer)
    if not stepper.finish_step() or stepper.view is None:
        raise ValueError(str(stepper.message or "the first training step could not run"))
    return work, stepper.view, optimizer


# --------------------------------------------------------------- worked examples
def markdown(doc: Document, precision: int = 6, say: Say = str) -> str:
    """The first training step as a Markdown worked example with $…$ maths."""
    work, view, optimizer = first_step(doc)
    return explain.step_markdown(work, view, optimizer, precision, say)


def latex(doc: Document, precision: int = 6, say: Say = str) -> str:
    """The first training step as a standalone LaTeX document (pdflatex; ASCII only in English)."""
    work, view, optimizer = first_step(doc)
    return explain.step_latex(work, view, optimizer, precision, say)


# ----------------------------------------------------------------------- scripts
def _array(a: Array, indent: str = "    ") -> str:
    """An array as a Python literal that round-trips exactly, one matrix row per line."""
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        return repr([float(v) for v in a])
    rows = ",\n".join(f"{indent}{[float(v) for v in row]!r}" for row in a)
    return f"[\n{rows},\n{indent[:-4]}]" if len(a) else "[]"


def _arrays(arrays: list[Array]) -> str:
    return "[\n" + "".join(f"    np.array({_array(a, ' ' * 8)}),\n" for a in arrays) + "]"


def _embedded(doc: Document) -> dict[str, str]:
    """Template values shared by both scripts: the network, the batch and the optimizer."""
    net, settings = doc.network, doc.training
    trainer = Trainer(net.copy(), doc.dataset, settings)
    idx = trainer.peek_batch()
    if len(idx) == 0:
        raise ValueError("the document has no training samples to export a step on")
    opt = trainer.optimizer
    title = (doc.title or doc.dataset.name or "network").replace("\\", "/").replace('"""', "'''")
    rows = [int(i) for i in idx]
    return {
        "TITLE": title,
        "ARCH": "-".join(map(str, net.sizes)) + " (" + ", ".join(net.activations) + ")",
        "SIZES": repr(list(net.sizes)),
        "ACTIVATIONS": repr(list(net.activations)),
        "BIAS": repr([bool(b) for b in net.bias]),
        "LOSS": repr(net.loss),
        "WEIGHTS": _arrays(net.weights),
        "BIASES": _arrays(net.biases),
        "ROWS": repr(rows) if len(rows) <= 20 else repr(rows[:20])[:-1] + ", ...]",
        "X": _array(doc.dataset.X[idx]),
        "T": _array(net.targets(doc.dataset.Y[idx])),
        "OPTIMIZER": repr(opt.name),
        "LR": repr(float(opt.lr)),
        "HYPER": repr(dict(opt.hyper)),
        "WEIGHT_DECAY": repr(float(opt.weight_decay)),
        "L1": repr(float(opt.l1)),
        "LOSS_NAME": net.loss,
        "OPTIMIZER_NAME": opt.name,
        "TORCH_OPTIMIZER": TORCH_OPTIMIZERS[opt.name],
    }


_HEADER = '''\
#!/usr/bin/env python3
"""$TITLE: one training step in $FRAMEWORK, exported from Backprop Playground.

Network $ARCH, loss $LOSS_NAME, optimizer $OPTIMIZER_NAME (lr $LR).
The batch is the document's first training step (dataset rows $ROWS).

    python script.py          every number, readably
    python script.py --json   one JSON object: output, loss, dW, db, weights_after, biases_after
"""

import json
import sys

$IMPORT

SIZES = $SIZES
ACTIVATIONS = $ACTIVATIONS  # ACTIVATIONS[k]: the activation of layer k+1
BIAS = $BIAS  # BIAS[k]: does layer k+1 have a bias? (if not, its bias stays 0)
LOSS = $LOSS
# WEIGHTS[k][i, j]: the weight from node i of layer k to node j of layer k+1.
WEIGHTS = $WEIGHTS
BIASES = $BIASES
# The batch: one row per sample; targets as floats (classes one-hot).
X = np.array($X)
T = np.array($T)
OPTIMIZER = $OPTIMIZER
LR = $LR
HYPER = $HYPER
WEIGHT_DECAY = $WEIGHT_DECAY  # L2, added to the gradient as torch does: g + WEIGHT_DECAY * p
L1 = $L1  # L1, added the same way: g + L1 * sign(p)
'''

_SHOW = """

def show(title, value):
    if isinstance(value, float):
        print(f"{title} = {value:.10g}")
    else:
        text = np.array2string(np.asarray(value), precision=8, suppress_small=False)
        print(f"{title} =\\n{text}")


def report(zs, as_, loss, dW, db, weights_after, biases_after):
    if "--json" in sys.argv[1:]:
        print(json.dumps({
            "output": as_[-1].tolist(),
            "loss": float(loss),
            "dW": [g.tolist() for g in dW],
            "db": [g.tolist() for g in db],
            "weights_after": [w.tolist() for w in weights_after],
            "biases_after": [b.tolist() for b in biases_after],
        }))
        return
    print("Forward pass")
    for l in range(1, len(SIZES)):
        show(f"  z[{l}] (layer {l} total input)", zs[l])
        show(f"  a[{l}] = {ACTIVATIONS[l - 1]}(z[{l}])", as_[l])
    show(f"Loss ({LOSS})", float(loss))
    print("Gradients")
    for k in range(len(dW)):
        show(f"  dL/dW[{k}] (layer {k} -> {k + 1})", dW[k])
        if BIAS[k]:
            show(f"  dL/db[{k}]", db[k])
    print(f"After one {OPTIMIZER} update (lr {LR})")
    for k in range(len(weights_after)):
        show(f"  W[{k}]", weights_after[k])
        if BIAS[k]:
            show(f"  b[{k}]", biases_after[k])
"""

_NUMPY_BODY = '''

# Activations: f(z), and f'(z) given z and a = f(z).
def sigmoid(z):
    e = np.exp(-np.abs(z))  # split by sign so exp never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


ACT = {
    "step": (lambda z: (z > 0).astype(np.float64), lambda z, a: np.zeros_like(z)),
    "linear": (lambda z: z, lambda z, a: np.ones_like(z)),
    "sigmoid": (sigmoid, lambda z, a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(np.float64)),
    "leaky_relu": (lambda z: np.where(z > 0, z, 0.01 * z), lambda z, a: np.where(z > 0, 1.0, 0.01)),
    "softmax": (softmax, None),  # not elementwise: see backprop_through
}


def backprop_through(name, z, a, da):
    """dL/dz from dL/da through the activation."""
    if name == "softmax":  # J^T da with J = diag(a) - a a^T, row by row
        return a * (da - (da * a).sum(axis=1, keepdims=True))
    if name == "linear":
        return da
    return da * ACT[name][1](z, a)


def forward(x):
    """z[l] and a[l] for every layer l = 0..L (layer 0 is the input)."""
    zs, as_ = [x], [x]
    a = x
    for k in range(len(WEIGHTS)):
        z = a @ WEIGHTS[k]
        if BIAS[k]:
            z = z + BIASES[k]
        a = ACT[ACTIVATIONS[k]][0](z)
        zs.append(z)
        as_.append(a)
    return zs, as_


def loss_value(z, a, t):
    """The mean loss; bce and cross-entropy from the logits z, which stays finite."""
    if LOSS == "mse":
        d = a - t
        return float(np.mean(d * d))
    if LOSS == "bce":
        return float(np.mean(np.maximum(z, 0.0) - z * t + np.log1p(np.exp(-np.abs(z)))))
    shifted = z - z.max(axis=1, keepdims=True)
    log_softmax = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-(t * log_softmax).sum() / z.shape[0])


def output_delta(z, a, t):
    """dL/dz of the output layer."""
    if LOSS == "bce":  # sigmoid + bce: dL/dy * sigmoid'(z) simplifies to (y - t) / N
        return (a - t) / a.size
    if LOSS == "cross_entropy":  # softmax + cross-entropy: (y - t) / n
        return (a - t) / a.shape[0]
    da = 2.0 * (a - t) / a.size  # mse: dL/dy
    return backprop_through(ACTIVATIONS[-1], z, a, da)


def backward(zs, as_, t):
    """dL/dW[k] and dL/db[k] for every layer, from the output back."""
    L = len(WEIGHTS)
    dW, db = [None] * L, [None] * L
    delta = output_delta(zs[L], as_[L], t)
    for l in range(L, 0, -1):
        k = l - 1
        dW[k] = as_[k].T @ delta  # sum over the batch of a * delta
        db[k] = delta.sum(axis=0) if BIAS[k] else np.zeros(SIZES[l])
        if k > 0:
            da = delta @ WEIGHTS[k].T  # dL/da of layer k: sum of w * delta
            delta = backprop_through(ACTIVATIONS[k - 1], zs[k], as_[k], da)
    return dW, db
'''

# The update rule of each optimizer, as torch.optim computes it; p, g arrays, t = step from 1.
_NUMPY_RULES = {
    "sgd": '''
def update(p, g, state, t):
    """SGD (momentum, nesterov): b = mu*b + (1 - dampening)*g (b = g at the first step)."""
    mu = HYPER["momentum"]
    if not mu:
        return p - LR * g
    buf = state.get("momentum_buffer")
    buf = g.copy() if buf is None else mu * buf + (1.0 - HYPER["dampening"]) * g
    state["momentum_buffer"] = buf
    step = g + mu * buf if HYPER["nesterov"] else buf
    return p - LR * step
''',
    "adagrad": '''
def update(p, g, state, t):
    """Adagrad: s += g^2; p -= lr_t * g / (sqrt(s) + eps), lr_t = LR / (1 + (t - 1) * lr_decay)."""
    s = state.get("sum")
    if s is None:
        s = np.full_like(p, HYPER["initial_accumulator_value"])
    s = s + g * g
    state["sum"] = s
    clr = LR / (1.0 + (t - 1) * HYPER["lr_decay"])
    return p - clr * g / (np.sqrt(s) + HYPER["eps"])
''',
    "rmsprop": '''
def update(p, g, state, t):
    """RMSprop: v = alpha*v + (1 - alpha)*g^2; p -= LR * g / (sqrt(v) + eps) (centered, momentum optional)."""
    alpha, eps, mu = HYPER["alpha"], HYPER["eps"], HYPER["momentum"]
    v = alpha * state.get("square_avg", 0.0) + (1.0 - alpha) * g * g
    state["square_avg"] = v
    if HYPER["centered"]:
        m = alpha * state.get("grad_avg", 0.0) + (1.0 - alpha) * g
        state["grad_avg"] = m
        avg = np.sqrt(v - m * m) + eps
    else:
        avg = np.sqrt(v) + eps
    if mu > 0:
        buf = mu * state.get("momentum_buffer", 0.0) + g / avg
        state["momentum_buffer"] = buf
        return p - LR * buf
    return p - LR * g / avg
''',
    "adam": '''
def update(p, g, state, t):
    """Adam: m = b1*m + (1 - b1)*g, v = b2*v + (1 - b2)*g^2, bias-corrected (amsgrad optional)."""
    b1, b2 = HYPER["betas"]
    m = b1 * state.get("exp_avg", 0.0) + (1.0 - b1) * g
    v = b2 * state.get("exp_avg_sq", 0.0) + (1.0 - b2) * g * g
    state["exp_avg"], state["exp_avg_sq"] = m, v
    if HYPER["amsgrad"]:
        v = np.maximum(state.get("max_exp_avg_sq", 0.0), v)
        state["max_exp_avg_sq"] = v
    bc1 = 1.0 - b1**t
    bc2 = 1.0 - b2**t
    denom = np.sqrt(v) / np.sqrt(bc2) + HYPER["eps"]
    return p - (LR / bc1) * m / denom
''',
}
_NUMPY_RULES["momentum"] = _NUMPY_RULES["nesterov"] = _NUMPY_RULES["sgd"]

_NUMPY_MAIN = '''

def optimizer_step(weights, biases, dW, db, state, t):
    """New parameters after update number t (layers without a bias keep theirs)."""
    def regularised(g, p):
        if WEIGHT_DECAY:
            g = g + WEIGHT_DECAY * p
        if L1:
            g = g + L1 * np.sign(p)
        return g

    new_w, new_b = [], []
    for k in range(len(weights)):
        new_w.append(update(weights[k], regularised(dW[k], weights[k]), state.setdefault(("W", k), {}), t))
        if BIAS[k]:
            new_b.append(update(biases[k], regularised(db[k], biases[k]), state.setdefault(("b", k), {}), t))
        else:
            new_b.append(biases[k].copy())
    return new_w, new_b


def main():
    zs, as_ = forward(X)
    loss = loss_value(zs[-1], as_[-1], T)
    dW, db = backward(zs, as_, T)
    weights_after, biases_after = optimizer_step(WEIGHTS, BIASES, dW, db, state={}, t=1)
    report(zs, as_, loss, dW, db, weights_after, biases_after)


if __name__ == "__main__":
    main()
'''

_TORCH_BODY = """
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)


def activation(name, z):
    if name == "step":  # flat wherever it is differentiable: 0 * z keeps the graph, gradient 0
        return (z > 0).to(z.dtype) + 0.0 * z
    if name == "linear":
        return z
    if name == "sigmoid":
        return torch.sigmoid(z)
    if name == "tanh":
        return torch.tanh(z)
    if name == "relu":
        return torch.relu(z)
    if name == "leaky_relu":
        return F.leaky_relu(z, 0.01)
    if name == "softmax":
        return torch.softmax(z, dim=1)
    raise ValueError(name)


def main():
    W = [torch.tensor(w, requires_grad=True) for w in WEIGHTS]
    B = [torch.tensor(b, requires_grad=bool(BIAS[k])) for k, b in enumerate(BIASES)]
    x, t = torch.tensor(X), torch.tensor(T)

    zs, as_ = [x], [x]
    for k in range(len(W)):
        z = as_[-1] @ W[k]
        if BIAS[k]:
            z = z + B[k]
        zs.append(z)
        as_.append(activation(ACTIVATIONS[k], z))

    if LOSS == "mse":
        loss = F.mse_loss(as_[-1], t)
    elif LOSS == "bce":
        loss = F.binary_cross_entropy_with_logits(zs[-1], t)
    else:  # targets are class probabilities (one-hot)
        loss = F.cross_entropy(zs[-1], t)
    loss.backward()
    dW = [w.grad.detach().clone() for w in W]
    db = [b.grad.detach().clone() if BIAS[k] else torch.zeros_like(b) for k, b in enumerate(B)]

    params = [p for k in range(len(W)) for p in ((W[k], B[k]) if BIAS[k] else (W[k],))]
    optimizer = torch.optim.$TORCH_OPTIMIZER(params, lr=LR, weight_decay=WEIGHT_DECAY, **HYPER)
    if L1:  # torch.optim has no L1 option: add L1 * sign(p) to the gradient, as the app does
        with torch.no_grad():
            for p in params:
                p.grad += L1 * torch.sign(p)
    optimizer.step()

    def np_(ts):
        return [v.detach().numpy() for v in ts]

    report(np_(zs), np_(as_), loss.item(), np_(dW), np_(db), np_(W), np_(B))


if __name__ == "__main__":
    main()
"""


def comments(template: str, say: Say = str) -> str:
    """``template`` with each comment of :data:`model.messages_export.SCRIPT` as ``say`` renders it.

    The templates above are written with the English comments, so they read as the script does; a
    translation keeps the template's ``$NAME`` fields.  Longest first, so no comment is cut by a shorter one.
    """
    if say is str:
        return template
    for code in sorted(SCRIPT, key=lambda c: -len(ENGLISH[c])):
        template = template.replace(ENGLISH[code], say(Message(code)))
    return template


def _script(doc: Document, framework: str, body: str, say: Say) -> str:
    values: dict[str, Any] = _embedded(doc)
    values["FRAMEWORK"] = framework
    values["IMPORT"] = "import numpy as np"
    header = Template(comments(_HEADER, say)).substitute(values)
    return header + comments(_SHOW, say) + Template(comments(body, say)).substitute(values)


def numpy_script(doc: Document, say: Say = str) -> str:
    """A standalone numpy script for the document's first training step (see the module doc)."""
    name = doc.training.optimizer
    if name not in OPTIMIZERS:
        raise ValueError(f"unknown optimizer {name!r}")
    return _script(doc, "plain numpy", _NUMPY_BODY + _NUMPY_RULES[name] + _NUMPY_MAIN, say)


def pytorch_script(doc: Document, say: Say = str) -> str:
    """A standalone PyTorch script (autograd + torch.optim) for the document's first training step."""
    return _script(doc, "PyTorch", _TORCH_BODY, say)
