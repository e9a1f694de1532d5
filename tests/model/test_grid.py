"""The decision boundary's grid pass (model.grid): exact outputs, one BLAS thread during the pass only."""

from __future__ import annotations

import numpy as np
import pytest

from model import Dataset, Network
from model.grid import PLAY_RESOLUTION, RESOLUTION, grid_forward, one_blas_thread


def spiral_like() -> tuple[Network, Dataset]:
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, (40, 2))
    Y = (X[:, :1] * X[:, 1:] > 0).astype(np.float64)
    return Network([2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], "bce", seed=3), Dataset(X, Y)


@pytest.mark.parametrize("res", [PLAY_RESOLUTION, RESOLUTION])
def test_every_pixel_is_the_network_output_at_its_centre(res):
    net, data = spiral_like()
    maps = grid_forward(net, data, resolution=res)
    assert maps is not None and maps.output.shape == (res, res) and maps.output.dtype == np.float32
    x0, x1, y0, y1 = maps.extent
    i, j = res // 3, res - 2  # row i follows y, column j follows x
    centre = np.array([[x0 + (j + 0.5) * (x1 - x0) / res, y0 + (i + 0.5) * (y1 - y0) / res]])
    assert maps.output[i, j] == np.float32(net.predict(centre)[0, 0])
    assert sorted(maps.node_maps) == [(l, n) for l in (1, 2) for n in range(8)]
    assert maps.node_maps[(2, 5)][i, j] == np.float32(net.forward(centre).a[2][0, 5])


def test_the_pass_runs_on_one_blas_thread_and_leaves_the_process_as_it_was():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    blas = [lib for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    if not blas:
        pytest.skip("numpy reports no BLAS library to limit")
    before = [lib["num_threads"] for lib in blas]
    with one_blas_thread():
        inside = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    after = [lib["num_threads"] for lib in threadpoolctl.threadpool_info() if lib["user_api"] == "blas"]
    assert inside == [1] * len(blas) and after == before
    net, data = spiral_like()
    a, b = grid_forward(net, data, resolution=20), grid_forward(net, data, resolution=20)
    assert a is not None and b is not None
    np.testing.assert_array_equal(a.output, b.output)


def test_no_grid_without_exactly_two_inputs():
    net = Network([1, 3, 1], ["tanh", "linear"], "mse")
    assert grid_forward(net, Dataset(np.zeros((3, 1)), np.zeros((3, 1)))) is None
