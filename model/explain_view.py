"""Which numbers of a step to show: one sample's row of the step's records (see :mod:`model.explain`).

A step works on a batch; the canvas and the inspector show one sample of it.
:func:`shown_row` finds the row of the sample the student picked;
:func:`sample_forward` is the forward pass of a sample outside the batch
(shown before a step begins: the batch still trains as it is).
"""

from __future__ import annotations

import numpy as np

from .dataset import Dataset
from .network import Network
from .stepper import Phase, StepView

Array = np.ndarray

__all__ = ["sample_forward", "shown_row"]


def shown_row(view: StepView, sample: int | None) -> int | None:
    """The row of ``view``'s batch that holds dataset row ``sample`` (row 0 when ``sample`` is None).

    None if ``sample`` is not in the batch, or the batch is empty.
    """
    if len(view.indices) == 0:
        return None
    if sample is None:
        return 0
    rows = np.flatnonzero(np.asarray(view.indices) == sample)
    return int(rows[0]) if rows.size else None


def sample_forward(net: Network, data: Dataset, sample: int) -> StepView:
    """A forward-only view of dataset row ``sample`` alone, at the network's current parameters."""
    idx = np.array([sample])
    X = data.X[idx]  # (1, d)
    fwd = net.forward(X)
    return StepView(
        phase=Phase(),
        indices=idx,
        X=X,
        T=net.targets(data.Y[idx]),
        z=fwd.z,
        a=fwd.a,
        weights_before=tuple(w.copy() for w in net.weights),
        biases_before=tuple(b.copy() for b in net.biases),
    )
