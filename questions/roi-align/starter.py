import torch


def roi_align(features, boxes, output_size, spatial_scale, sampling_ratio):
    """RoIAlign for one image, like torchvision.ops.roi_align(..., aligned=True).

    features: [C, H, W] float32; boxes: [K, 4] float32 (x1, y1, x2, y2) in image coordinates;
    output_size: (oh, ow); spatial_scale: float; sampling_ratio: int > 0.
    Returns [K, C, oh, ow] float32.
    """
    # TODO: scale and shift the boxes by -0.5, split each into oh x ow bins, bilinearly sample
    # sampling_ratio x sampling_ratio points per bin (0 outside [-1, H] x [-1, W]), average them.
    raise NotImplementedError
