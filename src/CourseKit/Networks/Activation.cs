namespace CourseKit.Networks;

/// <summary>The element-wise nonlinearity f of a dense layer, A = f(Z).</summary>
public enum Activation
{
    /// <summary>f(z) = max(0, z); f′ = 1 for z &gt; 0, else 0. Pairs with He initialisation.</summary>
    Relu,

    /// <summary>f(z) = tanh z; f′ = 1 − f². Pairs with Glorot initialisation.</summary>
    Tanh,

    /// <summary>f(z) = 1/(1 + e^−z); f′ = f(1 − f). Saturates at both ends, which is why deep stacks of it train slowly.</summary>
    Sigmoid,

    /// <summary>f(z) = z; the usual output layer (softmax lives in the loss, not the layer).</summary>
    Identity,
}
