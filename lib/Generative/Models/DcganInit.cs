using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Generative.Models;

/// <summary>dcgan/main.py's weights_init: convolution weights from N(0, 0.02), BatchNorm weights from N(1, 0.02) and biases 0;
/// fully connected layers keep their default, as there.</summary>
static class DcganInit
{
    public static void Apply(nn.Module root)
    {
        using var _ = no_grad();
        foreach (var (_, m) in root.named_modules())
        {
            switch (m)
            {
                case Conv2d c: nn.init.normal_(c.weight, 0.0, 0.02); break;
                case ConvTranspose2d c: nn.init.normal_(c.weight, 0.0, 0.02); break;
                case BatchNorm b:
                    nn.init.normal_(b.weight, 1.0, 0.02);
                    nn.init.zeros_(b.bias);
                    break;
            }
        }
    }
}
