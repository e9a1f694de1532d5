"""Backprop Playground's engine: numpy only, usable from a notebook.

    import model
    net = model.Network(sizes=[2, 2, 1], activations=["sigmoid", "sigmoid"], loss="mse")
    fwd = net.forward(X)            # fwd.z[l], fwd.a[l], fwd.output
    g = net.backward(fwd, Y)        # g.loss, g.delta[l], g.dW[k], g.db[k]
    model.make_optimizer("adam", lr=0.01).step(net, g)

See the README for the whole API.  This package never imports Qt.
"""

from .dataset import SPLIT_NAMES, TEST, TRAIN, VALIDATION, Dataset
from .document import Document
from .fileformat import FileFormatError, load, save
from .gradcheck import gradient_check
from .history import EpochHistory, EpochRecord, LossHistory
from .network import ForwardRecord, GradientRecord, Network, NetworkError
from .optimizers import NonFiniteError, Optimizer, make_optimizer
from .presets import load_preset
from .settings import TrainingSettings
from .stepper import Phase, Stepper, StepView
from .trainer import Trainer

__all__ = [
    "SPLIT_NAMES",
    "TEST",
    "TRAIN",
    "VALIDATION",
    "FileFormatError",
    "load",
    "load_preset",
    "save",
    "Dataset",
    "Document",
    "EpochHistory",
    "EpochRecord",
    "ForwardRecord",
    "GradientRecord",
    "LossHistory",
    "Network",
    "NetworkError",
    "NonFiniteError",
    "Optimizer",
    "Phase",
    "StepView",
    "Stepper",
    "Trainer",
    "TrainingSettings",
    "gradient_check",
    "make_optimizer",
]
